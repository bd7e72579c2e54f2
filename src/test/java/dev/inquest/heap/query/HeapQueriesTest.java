package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.Grouping;
import dev.inquest.progress.Progress;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The table queries on the LeakPatterns dumps, each checked against what the workload built. */
@Tag("slow")
class HeapQueriesTest {

    @Test
    void duplicateStringsCountCopiesAndRedactByDefault() throws Exception {
        try (HeapDump d = LeakDumps.open("wrappers")) {
            List<DuplicateString> shown = DuplicateStrings.find(d, 100_000, true, Progress.NONE);
            // "user-0" .. "user-299": one copy shared by the manager's key and its view, plus 100 fresh copies in views.
            List<DuplicateString> users = shown.stream().filter(s -> s.value() != null && s.value().matches("user-\\d+")).toList();
            assertThat(users).hasSize(300);
            assertThat(users).allSatisfy(s -> {
                assertThat(s.count()).isEqualTo(101);
                // Each copy: a 24-byte String and its own byte[] of 6..8 Latin-1 chars (24 bytes).
                assertThat(s.wastedBytes()).isEqualTo(100L * 48);
                assertThat(s.redacted()).isFalse();
            });
            List<DuplicateString> hidden = DuplicateStrings.find(d, 10, false, Progress.NONE);
            assertThat(hidden).isNotEmpty().allSatisfy(s -> {
                assertThat(s.redacted()).isTrue();
                assertThat(s.value()).startsWith("<redacted: ").doesNotContain("user-");
            });
            assertThat(hidden).isSortedAccordingTo((a, b) -> Long.compare(b.wastedBytes(), a.wastedBytes()));
        }
    }

    @Test
    void collectionFillFindsTheBigListAndItsCapacity() throws Exception {
        try (HeapDump d = LeakDumps.open("wrappers")) {
            List<CollectionFill.Row> rows = CollectionFill.compute(d, Progress.NONE);
            CollectionFill.Row lists = rows.stream().filter(r -> r.className().equals("java.util.ArrayList")).findFirst().orElseThrow();
            HistogramRow hist = d.histogram(Grouping.CLASS).stream().filter(h -> h.name().equals("java.util.ArrayList"))
                    .findFirst().orElseThrow();
            assertThat(lists.instances()).isEqualTo(hist.count());
            assertThat(java.util.Arrays.stream(lists.buckets()).sum()).isEqualTo(lists.instances());
            assertThat(lists.largestSize()).isEqualTo(30_000);
            // ArrayList grows 10, 15, 22, ... by half each time: the first capacity over 30,000.
            long cap = 10;
            while (cap < 30_000) {
                cap += cap >> 1;
            }
            assertThat(lists.largestCapacity()).isEqualTo(cap);
            assertThat(lists.buckets()[6]).isGreaterThanOrEqualTo(1);
            CollectionFill.Row maps = rows.stream().filter(r -> r.className().equals("java.util.HashMap")).findFirst().orElseThrow();
            assertThat(maps.largestSize()).isGreaterThanOrEqualTo(300); // SessionManager.BY_USER
        }
    }

    @Test
    void classLoaderLeakShowsTheDuplicatedClass() throws Exception {
        try (HeapDump d = LeakDumps.open("loaders")) {
            ClassLoaders.Result r = ClassLoaders.compute(d, Progress.NONE);
            ClassLoaders.DuplicatedClass plugin = r.duplicatedClasses().stream().filter(c -> c.name().equals("plugin.Plugin"))
                    .findFirst().orElseThrow();
            assertThat(plugin.loaders()).isEqualTo(40);
            assertThat(plugin.instances()).isEqualTo(40);
            List<ClassLoaders.Loader> pluginLoaders = r.loaders().stream()
                    .filter(l -> l.className().equals("LeakPatterns$PluginLoader")).toList();
            assertThat(pluginLoaders).hasSize(40).allSatisfy(l -> {
                assertThat(l.classes()).isEqualTo(1);
                assertThat(l.instances()).isEqualTo(1);
            });
            assertThat(r.duplicatedClasses().getFirst().loaders()).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void threadOverviewHasStacksAndLocals() throws Exception {
        try (HeapDump d = LeakDumps.open("churn")) {
            List<ThreadOverview.Row> rows = ThreadOverview.compute(d, Progress.NONE);
            ThreadOverview.Row main = rows.stream().filter(r -> "main".equals(r.name())).findFirst().orElseThrow();
            assertThat(main.frames()).anySatisfy(f -> {
                assertThat(f.className()).isEqualTo("LeakPatterns");
                assertThat(f.method()).isEqualTo("main");
            });
            // The churn loop's working set: a local ArrayDeque of 64 recent objects, kept only by main's frame.
            ObjectBrief deque = main.biggestLocals().stream().filter(b -> b.className().equals("java.util.ArrayDeque"))
                    .findFirst().orElseThrow();
            assertThat(deque.retained()).isGreaterThan(64L * 24);
            assertThat(main.localsRetained()).isGreaterThanOrEqualTo(deque.retained()).isLessThanOrEqualTo(main.retained());
            assertThat(main.locals()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void whyAliveMergesAllListenersIntoOnePath() throws Exception {
        try (HeapDump d = LeakDumps.open("listeners")) {
            WhyAlive.Result r = WhyAlive.forClass(d, "LeakPatterns$Widget", Progress.NONE);
            assertThat(r.instances()).isEqualTo(5_000);
            assertThat(r.withPath()).isEqualTo(5_000);
            assertThat(r.unreached()).isZero();
            assertThat(r.roots()).hasSize(1);
            // Down the single chain to the rows that hold them: EventBus.LISTENERS -> array -> 5,000 Widget in one row.
            WhyAlive.Group g = r.roots().getFirst();
            assertThat(g.rootKinds()).isNotNull();
            boolean sawListeners = false;
            while (!g.children().isEmpty()) {
                assertThat(g.children()).hasSize(1);
                g = g.children().getFirst();
                sawListeners |= "LISTENERS".equals(g.field()) && g.className().equals("java.util.concurrent.CopyOnWriteArrayList");
                assertThat(g.objects()).isEqualTo(5_000);
            }
            assertThat(sawListeners).isTrue();
            assertThat(g.className()).isEqualTo("LeakPatterns$Widget");
            assertThat(g.field()).isEqualTo("[]");
            assertThat(g.nodes()).isEqualTo(5_000);
            assertThat(g.objectsShallow()).isEqualTo(5_000L * 24);
        }
    }

    @Test
    void inspectorShowsFieldsReferencesAndRetainedSet() throws Exception {
        try (HeapDump d = LeakDumps.open("wrappers")) {
            ObjectReader r = new ObjectReader(d);
            SuspectReport s = LeakSuspects.find(d, Progress.NONE);
            long list = s.suspects().getFirst().accumulation().node();
            Inspection i = ObjectInspector.inspect(d, list, false, Progress.NONE);
            assertThat(i.object().className()).isEqualTo("java.util.ArrayList");
            assertThat(i.fields()).anySatisfy(f -> {
                assertThat(f.name()).isEqualTo("size");
                assertThat(f.value()).isEqualTo("30000");
            });
            assertThat(i.inbound()).anySatisfy(ref -> {
                assertThat(ref.className()).isEqualTo("class LeakPatterns$Dashboard");
                assertThat(ref.field()).isEqualTo("views");
            });
            assertThat(i.outbound()).anySatisfy(ref -> assertThat(ref.field()).isEqualTo("elementData"));
            Inspection.ClassCount views = i.retainedSet().stream().filter(c -> c.className().equals("LeakPatterns$SessionView"))
                    .findFirst().orElseThrow();
            assertThat(views.count()).isEqualTo(30_000);
            assertThat(views.shallow()).isEqualTo(30_000L * 24);
            // A SessionView's userId: redacted by default, shown when asked.
            Inspection.Field userId = ObjectInspector.inspect(d, firstSlot(r, r.ref(list, "elementData")), false, Progress.NONE)
                    .fields().stream().filter(f -> f.name().equals("userId")).findFirst().orElseThrow();
            assertThat(userId.value()).contains("java.lang.String").contains("<redacted>").doesNotContain("user-");
            Inspection.Field shown = ObjectInspector.inspect(d, firstSlot(r, r.ref(list, "elementData")), true, Progress.NONE)
                    .fields().stream().filter(f -> f.name().equals("userId")).findFirst().orElseThrow();
            assertThat(shown.value()).endsWith("\"user-0\"");
            assertThat(shown.text()).isEqualTo("user-0");
            assertThat(userId.text()).isNull();
        }
    }

    private static long firstSlot(ObjectReader r, long array) {
        long[] first = {-1};
        r.forEachRef(array, (f, t) -> {
            if (first[0] < 0) {
                first[0] = t;
            }
        });
        return first[0];
    }
}
