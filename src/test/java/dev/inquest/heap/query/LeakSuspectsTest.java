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
}
