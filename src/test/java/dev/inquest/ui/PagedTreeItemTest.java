package dev.inquest.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.ui.common.PagedTreeItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

class PagedTreeItemTest {

    /** Node n has n*1000 children numbered n*10_000_000 + i; placeholders are negative. */
    static final class Numbers implements PagedTreeItem.Source<Long> {
        final AtomicLong requested = new AtomicLong();

        @Override
        public long childCount(Long parent) {
            return parent < 10 ? parent * 1_000_000 : 0;
        }

        @Override
        public List<Long> children(Long parent, long from, int max) {
            requested.addAndGet(max);
            List<Long> out = new ArrayList<>();
            for (long i = from; i < from + max; i++) {
                out.add(parent * 10_000_000 + i + 10);
            }
            return out;
        }

        @Override
        public Long more(Long parent, long shown, long total) {
            return -shown;
        }

        @Override
        public boolean isMore(Long value) {
            return value < 0;
        }
    }

    @Test
    void millionChildrenLoadOnePageAtATime() {
        Numbers src = new Numbers();
        PagedTreeItem<Long> root = new PagedTreeItem<>(1L, src, 100);
        assertThat(src.requested).hasValue(0);
        assertThat(root.isLeaf()).isFalse();
        root.setExpanded(true);
        List<TreeItem<Long>> kids = root.getChildren();
        assertThat(kids).hasSize(101);
        assertThat(kids.getFirst().getValue()).isEqualTo(10_000_010L);
        assertThat(kids.getLast().getValue()).isEqualTo(-100L);
        assertThat(src.requested).hasValue(100);

        assertThat(PagedTreeItem.activate(kids.getLast())).isTrue();
        assertThat(root.getChildren()).hasSize(201);
        assertThat(root.getChildren().get(150).getValue()).isEqualTo(10_000_160L);
        assertThat(root.getChildren().getLast().getValue()).isEqualTo(-200L);
        assertThat(kids.get(5).isLeaf()).isTrue();
    }

    @Test
    void lastPageHasNoPlaceholder() {
        Numbers src = new Numbers();
        PagedTreeItem<Long> small = new PagedTreeItem<>(1L, new PagedTreeItem.Source<>() {
            @Override
            public long childCount(Long parent) {
                return parent == 1 ? 150 : 0;
            }

            @Override
            public List<Long> children(Long parent, long from, int max) {
                return src.children(parent, from, max);
            }

            @Override
            public Long more(Long parent, long shown, long total) {
                return -shown;
            }

            @Override
            public boolean isMore(Long value) {
                return value < 0;
            }
        }, 100);
        small.setExpanded(true);
        assertThat(small.getChildren()).hasSize(101);
        PagedTreeItem.activate(small.getChildren().getLast());
        assertThat(small.getChildren()).hasSize(150);
        assertThat(small.getChildren().getLast().getValue()).isPositive();
    }
}
