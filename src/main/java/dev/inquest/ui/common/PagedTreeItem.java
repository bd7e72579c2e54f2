package dev.inquest.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * A tree item that asks for its children only when first expanded, and then only one page at a
 * time: a dominator node with a million children shows its first hundred at once and ends with a
 * "next 100 of 1,203,344" row that loads more when activated.
 *
 * @param <T> the row value; the source supplies both real rows and the "more" placeholder row
 */
public final class PagedTreeItem<T> extends TreeItem<T> {

    /** Where children come from. Calls happen on the FX thread and must be cheap per page. */
    public interface Source<T> {
        /** Number of children of {@code parent}. */
        long childCount(T parent);

        /** Children {@code from .. from+max-1} of {@code parent}, in display order. */
        List<T> children(T parent, long from, int max);

        /** The row standing for children not yet shown ({@code shown} of {@code total}). */
        T more(T parent, long shown, long total);

        /** Whether {@code value} is such a placeholder row. */
        boolean isMore(T value);
    }

    private final Source<T> source;
    private final int pageSize;
    private boolean loaded;
    private long shown;

    public PagedTreeItem(T value, Source<T> source, int pageSize) {
        super(value);
        this.source = source;
        this.pageSize = pageSize;
        expandedProperty().addListener((obs, was, is) -> {
            if (is) {
                ensureLoaded();
            }
        });
    }

    @Override
    public boolean isLeaf() {
        T v = getValue();
        return v == null || source.isMore(v) || (loaded ? getChildren().isEmpty() : source.childCount(v) == 0);
    }

    @Override
    public javafx.collections.ObservableList<TreeItem<T>> getChildren() {
        ensureLoaded();
        return super.getChildren();
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        T v = getValue();
        if (v != null && !source.isMore(v)) {
            super.getChildren().setAll(page());
        }
    }

    /**
     * Replaces the trailing "more" row with the next page. Call it when the user activates a
     * placeholder row (double-click or Enter); returns false if there was nothing more.
     */
    public boolean loadNextPage() {
        List<TreeItem<T>> kids = super.getChildren();
        if (kids.isEmpty() || !source.isMore(kids.getLast().getValue())) {
            return false;
        }
        kids.removeLast();
        kids.addAll(page());
        return true;
    }

    private List<TreeItem<T>> page() {
        T parent = getValue();
        long total = source.childCount(parent);
        List<T> values = source.children(parent, shown, (int) Math.min(pageSize, Math.max(0, total - shown)));
        List<TreeItem<T>> items = new ArrayList<>(values.size() + 1);
        for (T child : values) {
            items.add(new PagedTreeItem<>(child, source, pageSize));
        }
        shown += values.size();
        if (shown < total) {
            items.add(new PagedTreeItem<>(source.more(parent, shown, total), source, pageSize));
        }
        return items;
    }

    /** For the "more" row's handler: the item whose next page should load. */
    public static <T> boolean activate(TreeItem<T> placeholder) {
        return placeholder != null && placeholder.getParent() instanceof PagedTreeItem<T> parent && parent.loadNextPage();
    }
}
