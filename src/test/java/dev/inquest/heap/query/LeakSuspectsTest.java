package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.PathStep;
import dev.inquest.progress.Progress;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Leak suspects on one real dump per pattern; each pattern's counts are known by construction (workloads/LeakPatterns.java). */
@Tag("slow")
class LeakSuspectsTest {

    static SuspectReport suspects(String name) throws Exception {
        try (HeapDump d = LeakDumps.open(name)) {
            SuspectReport r = LeakSuspects.find(d, Progress.NONE);
            return r;
        }
    }

    static Suspect only(SuspectReport r) {
        assertThat(r.suspects()).hasSize(1);
        return r.suspects().getFirst();
    }

    @Test
    void unboundedQueue() throws Exception {
        Suspect s = only(suspects("queue"));
        assertThat(s.parts()).as("one collection: the suspect does not split (issue 19)").isEmpty();
        ContainerInfo c = s.container();
        assertThat(c.kind()).isEqualTo(ContainerKind.QUEUE);
        assertThat(c.className()).isEqualTo("java.util.concurrent.ConcurrentLinkedDeque");
        assertThat(c.elementCount()).isEqualTo(20_000);
        assertThat(c.elementClass()).isEqualTo("LeakPatterns$OutboundEvent");
        assertThat(c.elementClassCount()).isEqualTo(20_000);
        // Each event: 24-byte object + 528-byte payload.
        assertThat(c.elementClassRetained()).isEqualTo(20_000L * (24 + 528));
        assertThat(s.holder()).isEqualTo("LeakPatterns$Dispatcher.pending");
        assertThat(s.className()).isEqualTo("class LeakPatterns$Dispatcher");
        assertThat(s.title()).startsWith("the ConcurrentLinkedDeque in LeakPatterns$Dispatcher.pending holds 20,000 LeakPatterns$OutboundEvent (");
        assertThat(s.duplication()).isNull();
        List<PathStep> path = s.path();
        assertThat(path.getFirst().className()).isEqualTo("java.util.concurrent.ConcurrentLinkedDeque");
        assertThat(path.get(1).className()).isEqualTo("class LeakPatterns$Dispatcher");
        assertThat(path.get(1).field()).isEqualTo("pending");
        assertThat(path.getLast().rootKinds()).isNotNull();
        assertThat(s.percent()).isGreaterThan(50);
    }

    @Test
    void cacheThatNeverEvicts() throws Exception {
        Suspect s = only(suspects("cache"));
        assertThat(s.parts()).as("one collection: the suspect does not split (issue 19)").isEmpty();
        ContainerInfo c = s.container();
        assertThat(c.kind()).isEqualTo(ContainerKind.CACHE);
        assertThat(c.className()).isEqualTo("LeakPatterns$ReportCache");
        assertThat(c.type()).isEqualTo("java.util.LinkedHashMap");
        assertThat(c.elementCount()).isEqualTo(10_000);
        assertThat(c.sizeField()).isEqualTo(10_000);
        assertThat(c.elementClass()).isEqualTo("LeakPatterns$Report");
        assertThat(s.holder()).isEqualTo("LeakPatterns$Reports.cache");
        assertThat(s.duplication()).as("report names are unique").isNull();
    }

    @Test
    void listenersKeptAfterDispose() throws Exception {
        Suspect s = only(suspects("listeners"));
        assertThat(s.parts()).as("one collection: the suspect does not split (issue 19)").isEmpty();
        ContainerInfo c = s.container();
        assertThat(c.kind()).isEqualTo(ContainerKind.LIST);
        assertThat(c.className()).isEqualTo("java.util.concurrent.CopyOnWriteArrayList");
        assertThat(c.elementCount()).isEqualTo(5_000);
        assertThat(c.elementClass()).isEqualTo("LeakPatterns$Widget");
        assertThat(c.elementClassRetained()).isEqualTo(5_000L * (24 + 2016));
        assertThat(s.holder()).isEqualTo("LeakPatterns$EventBus.LISTENERS");
    }

    @Test
    void wrappersOutsideTheDeduplicatingManager() throws Exception {
        Suspect s = only(suspects("wrappers"));
        assertThat(s.parts()).as("one collection: the suspect does not split (issue 19)").isEmpty();
        ContainerInfo c = s.container();
        assertThat(c.kind()).isEqualTo(ContainerKind.LIST);
        assertThat(c.className()).isEqualTo("java.util.ArrayList");
        assertThat(c.elementCount()).isEqualTo(30_000);
        assertThat(c.elementClass()).isEqualTo("LeakPatterns$SessionView");
        assertThat(s.holder()).isEqualTo("LeakPatterns$Dashboard.views");
        Duplication d = s.duplication();
        assertThat(d).isNotNull();
        assertThat(d.className()).isEqualTo("LeakPatterns$SessionView");
        assertThat(d.instances()).isEqualTo(30_000);
        assertThat(d.keyField()).isEqualTo("userId");
        assertThat(d.distinctKeys()).isEqualTo(300);
        assertThat(d.redundantInstances()).isEqualTo(29_700);
        assertThat(s.explanation()).contains("30,000 SessionView for 300 distinct userId".replace("SessionView", "LeakPatterns$SessionView"));
    }

    @Test
    void classLoaderLeak() throws Exception {
        Suspect s = only(suspects("loaders"));
        assertThat(s.parts()).as("one collection: the suspect does not split (issue 19)").isEmpty();
        ContainerInfo c = s.container();
        assertThat(c.className()).isEqualTo("java.util.ArrayList");
        assertThat(c.elementCount()).isEqualTo(40);
        assertThat(c.elementClass()).isEqualTo("plugin.Plugin");
        assertThat(c.elementClassCount()).isEqualTo(40);
        assertThat(c.elementClassRetained()).isGreaterThan(40L * 200_016);
        assertThat(s.holder()).isEqualTo("LeakPatterns$Host.PLUGINS");
    }

    @Test
    void churnHasNoSuspect() throws Exception {
        SuspectReport r = suspects("churn");
        assertThat(r.noSuspect()).isTrue();
        assertThat(r.suspects()).isEmpty();
        // What MAT would have flagged (JVM-held strings and arrays) is listed as dismissed, with the reason.
        assertThat(r.dismissed()).allSatisfy(x -> assertThat(x.reason()).contains("nothing of the application"));
    }

    /**
     * Issue 19: the statics of one class hold a list of 100,000 wrappers and a map of 35,000 more;
     * neither keeps 70 % of the class, so MAT's walk stops there. The suspect names both holders,
     * what each holds and the DTO copies, and the title says what accumulates, not "class Seeds".
     */
    @Test
    void suspectThatSplitsNamesEachHolder() throws Exception {
        try (HeapDump d = LeakDumps.open("split")) {
            SuspectReport r = LeakSuspects.find(d, Progress.NONE);
            Suspect s = only(r);
            assertThat(s.className()).isEqualTo("class LeakPatterns$Seeds");
            assertThat(s.accumulation().className()).isEqualTo("class LeakPatterns$Seeds");
            assertThat(s.parts()).hasSize(2);
            SuspectPart served = s.parts().get(0);
            assertThat(served.field()).isEqualTo("log");
            assertThat(served.child().className()).isEqualTo("LeakPatterns$ResponseLog");
            assertThat(served.holder()).isEqualTo("LeakPatterns$ResponseLog.served");
            assertThat(served.accumulation().className()).isEqualTo("java.util.ArrayList");
            assertThat(served.container().kind()).isEqualTo(ContainerKind.LIST);
            assertThat(served.container().elementCount()).isEqualTo(100_000);
            assertThat(served.container().elementClass()).isEqualTo("LeakPatterns$AssetResponseWrapper");
            assertThat(served.container().elementClassCount()).isEqualTo(100_000);
            // The wrappers carry no key; their DTOs do: 100,000 copies of 35,000 ids.
            assertThat(served.duplication().className()).isEqualTo("LeakPatterns$AssetDto");
            assertThat(served.duplication().keyField()).isEqualTo("assetId");
            assertThat(served.duplication().instances()).isEqualTo(100_000);
            assertThat(served.duplication().distinctKeys()).isEqualTo(35_000);
            assertThat(served.duplication().redundantInstances()).isEqualTo(65_000);
            SuspectPart assets = s.parts().get(1);
            assertThat(assets.field()).isEqualTo("manager");
            assertThat(assets.child().className()).isEqualTo("LeakPatterns$AssetManager");
            assertThat(assets.holder()).isEqualTo("LeakPatterns$AssetManager.assets");
            assertThat(assets.container().kind()).isEqualTo(ContainerKind.MAP);
            assertThat(assets.container().type()).isEqualTo("java.util.HashMap");
            assertThat(assets.container().elementCount()).isEqualTo(35_000);
            assertThat(assets.container().elementClassCount()).isEqualTo(35_000);
            assertThat(assets.duplication()).as("one DTO per distinct id in the manager").isNull();
            for (SuspectPart p : s.parts()) {
                assertThat(p.percent()).isGreaterThanOrEqualTo(100 * LeakSuspects.PART_SHARE);
                assertThat(p.retained()).isEqualTo(d.retained(p.child().node()));
                assertThat(p.accumulationRetained()).isEqualTo(d.retained(p.accumulation().node()));
            }
            // Together they are nearly all the class keeps, yet neither keeps 70 % of it.
            assertThat(served.retained() + assets.retained()).isGreaterThan(s.retained() * 9 / 10);
            assertThat(served.retained()).isLessThan((long) (LeakSuspects.DOWN_RATIO * s.retained()));
            assertThat(s.title()).isEqualTo("LeakPatterns$ResponseLog.served holds 100,000 LeakPatterns$AssetResponseWrapper ("
                    + dev.inquest.format.Units.bytes(served.accumulationRetained()) + "); LeakPatterns$AssetManager.assets holds 35,000 ("
                    + dev.inquest.format.Units.bytes(assets.accumulationRetained()) + ")");
            assertThat(s.title()).doesNotContain("Seeds");
            assertThat(s.explanation()).contains("100,000 LeakPatterns$AssetDto for 35,000 distinct assetId");
        }
    }

    /** Issue 19: "who holds these 135,000 wrappers" gets the two collections with their counts, in heap why and the Held by pane. */
    @Test
    void whoHoldsTheWrappersSplitsByCollection() throws Exception {
        try (HeapDump d = LeakDumps.open("split")) {
            WhyAlive.Result why = WhyAlive.forClass(d, "LeakPatterns$AssetResponseWrapper", Progress.NONE);
            assertThat(why.instances()).isEqualTo(135_000);
            assertThat(why.holders()).extracting(Holdings.Holding::holder, Holdings.Holding::objects, Holdings.Holding::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("LeakPatterns$ResponseLog.served", 100_000L, ContainerKind.LIST),
                            org.assertj.core.groups.Tuple.tuple("LeakPatterns$AssetManager.assets", 35_000L, ContainerKind.MAP));
            assertThat(why.holders()).extracting(h -> h.container().className())
                    .containsExactly("java.util.ArrayList", "java.util.HashMap");
            // The dominator view sees one holder (the class); the collections below it are split out.
            ClassHolders.Result held = ClassHolders.of(d, "LeakPatterns$AssetResponseWrapper", 10, Progress.NONE);
            assertThat(held.holders()).hasSize(1);
            assertThat(held.holders().getFirst().holder().className()).isEqualTo("class LeakPatterns$Seeds");
            assertThat(held.heldIn()).isEqualTo(why.holders());
            // The same split as the suspect's parts: one rule, one engine.
            Suspect s = only(LeakSuspects.find(d, Progress.NONE));
            assertThat(why.holders()).extracting(h -> h.container().node())
                    .containsExactly(s.parts().get(0).accumulation().node(), s.parts().get(1).accumulation().node());
        }
    }

    /** A single collection's elements: one holder for the list, another for the manager's few. */
    @Test
    void whoHoldsTheElementsOfOneCollection() throws Exception {
        try (HeapDump d = LeakDumps.open("wrappers")) {
            WhyAlive.Result why = WhyAlive.forClass(d, "LeakPatterns$SessionView", Progress.NONE);
            assertThat(why.holders()).extracting(Holdings.Holding::holder, Holdings.Holding::objects)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("LeakPatterns$Dashboard.views", 30_000L),
                            org.assertj.core.groups.Tuple.tuple("LeakPatterns$SessionManager.BY_USER", 300L));
        }
    }
}
