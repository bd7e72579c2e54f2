package dev.inquest.heap.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.query.LeakDumps;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The engine's one grouping of the dominator tree's top level, as the window and the command line show it. */
@Tag("slow")
class TopDominatorsTest {
    static HeapDump dump;

    @BeforeAll
    static void open() throws Exception {
        dump = LeakDumps.open("grow-2");
    }

    @AfterAll
    static void close() {
        dump.close();
    }

    /** The group a node falls in, computed here from the class independently of the engine. */
    static String expectedGroup(long node, Grouping by) {
        ClassInfo c = DumpInternals.of(dump).index().classOf(node);
        return by == Grouping.CLASS ? c.name() : c.packageName().isEmpty() ? "<default package>" : c.packageName();
    }

    @Test
    void groupsPartitionTheTopLevel() {
        for (Grouping by : List.of(Grouping.CLASS, Grouping.PACKAGE)) {
            TopDominators t = dump.topDominators(null, by, Progress.NONE);
            assertThat(t.grouped()).isTrue();
            assertThat(t.matched()).isEqualTo(dump.topLevelCount());
            long count = 0;
            long shallow = 0;
            long retained = 0;
            for (TopDominators.Group g : t.groups()) {
                assertThat(t.memberCount(g.index())).isEqualTo(g.count());
                long s = 0;
                long r = 0;
                long previous = Long.MAX_VALUE;
                for (long i = 0; i < g.count(); i++) {
                    long v = t.member(g.index(), i);
                    assertThat(expectedGroup(v, by)).isEqualTo(g.name());
                    assertThat(dump.retained(v)).isLessThanOrEqualTo(previous);
                    previous = dump.retained(v);
                    s += dump.shallow(v);
                    r += dump.retained(v);
                }
                assertThat(s).isEqualTo(g.shallow());
                assertThat(r).isEqualTo(g.retained());
                count += g.count();
                shallow += g.shallow();
                retained += g.retained();
            }
            long allShallow = 0;
            long allRetained = 0;
            for (long i = 0; i < dump.topLevelCount(); i++) {
                allShallow += dump.shallow(dump.topLevel(i));
                allRetained += dump.retained(dump.topLevel(i));
            }
            assertThat(count).isEqualTo(dump.topLevelCount());
            assertThat(shallow).isEqualTo(allShallow);
            assertThat(retained).isEqualTo(allRetained);
            assertThat(t.groups()).isSortedAccordingTo(
                    Comparator.comparingLong(TopDominators.Group::retained).reversed().thenComparing(TopDominators.Group::name));
            assertThat(t.groups()).extracting(TopDominators.Group::name).doesNotHaveDuplicates();
        }
    }

    @Test
    void classesWithoutAPackageGroupUnderTheDefaultPackage() {
        TopDominators t = dump.topDominators(null, Grouping.PACKAGE, Progress.NONE);
        boolean any = false;
        for (long i = 0; i < dump.topLevelCount(); i++) {
            any |= DumpInternals.of(dump).index().classOf(dump.topLevel(i)).packageName().isEmpty();
        }
        assertThat(t.groups().stream().anyMatch(g -> g.name().equals(Grouping.DEFAULT_PACKAGE))).isEqualTo(any);
        assertThat(Grouping.DEFAULT_PACKAGE).isEqualTo("<default package>");
    }

    @Test
    void theCommandLinesGroupedRowsAreTheSameGroups() {
        for (Grouping by : List.of(Grouping.CLASS, Grouping.PACKAGE, Grouping.LOADER)) {
            TopDominators t = dump.topDominators(null, by, Progress.NONE);
            List<DominatorRow> rows = dump.topDominatorsGrouped(by, Integer.MAX_VALUE);
            assertThat(rows).hasSameSizeAs(t.groups());
            for (int i = 0; i < rows.size(); i++) {
                TopDominators.Group g = t.groups().get(i);
                DominatorRow r = rows.get(i);
                assertThat(r.className()).isEqualTo(g.name());
                assertThat(r.count()).isEqualTo(g.count());
                assertThat(r.shallow()).isEqualTo(g.shallow());
                assertThat(r.retained()).isEqualTo(g.retained());
                assertThat(r.node()).isEqualTo(-1);
            }
            assertThat(dump.topDominatorsGrouped(by, 3)).isEqualTo(rows.subList(0, Math.min(3, rows.size())));
        }
    }

    @Test
    void aFilterKeepsTheMatchingClassesInOrder() {
        Pattern p = Pattern.compile("Thread");
        TopDominators t = dump.topDominators(p, null, Progress.NONE);
        assertThat(t.grouped()).isFalse();
        assertThat(t.groups()).isEmpty();
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < dump.topLevelCount(); i++) {
            long v = dump.topLevel(i);
            if (p.matcher(dump.instanceClassName(v)).find()) {
                expected.add(v);
            }
        }
        List<Long> got = new ArrayList<>();
        for (long i = 0; i < t.matched(); i++) {
            got.add(t.node(i));
        }
        assertThat(got).isEqualTo(expected).isNotEmpty();
        TopDominators grouped = dump.topDominators(p, Grouping.CLASS, Progress.NONE);
        assertThat(grouped.groups().stream().mapToLong(TopDominators.Group::count).sum()).isEqualTo(expected.size());
    }
}
