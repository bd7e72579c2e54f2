package dev.inquest.ui.notebook;

import dev.inquest.investigation.model.EvidenceSource;
import dev.inquest.investigation.model.Locator;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.Figure;
import java.nio.file.Path;
import java.util.List;

/** Evidence drafts built the way the heap and JFR views build them when the user pins a selection. */
final class Drafts {
    private Drafts() {
    }

    /** A dominator-tree row: class, address, retained size and share, path to the GC root. */
    static Evidence dominatorRow(Path dump) {
        return Evidence.builder(EvidenceKind.DOMINATOR_ROW)
                .summary("`java.util.HashMap$Node[]` held by `SessionCache.entries` retains most of the heap")
                .bytes("retained", 222_298_112L)
                .percent("percent", 41.3)
                .count("objects", 1_048_576)
                .value("session-4f1c9a")
                .path(List.of("java.util.HashMap$Node[] @ 0x7f3a10000000", "java.util.HashMap.table",
                        "com.acme.SessionCache.entries", "Thread main (GC root: thread)"))
                .source(dump.toAbsolutePath().toString(), EvidenceView.HEAP_DOMINATORS, new Locator.HeapObject(0x7f3a10000000L, null))
                .build();
    }

    /** A flame-graph frame: its stack (root first) and its share of the allocation samples. */
    static Evidence flameFrame(Path recording) {
        return Evidence.builder(EvidenceKind.FLAME_FRAME)
                .summary("`SessionCache.put` allocates 37.5% of sampled bytes")
                .percent("share", 37.5)
                .bytes("allocated", 1_610_612_736L)
                .count("samples", 4_812)
                .path(List.of("java.lang.Thread.run", "com.acme.RequestHandler.handle", "com.acme.SessionCache.put",
                        "java.util.HashMap.resize"))
                .source(EvidenceSource.stored(recording.toAbsolutePath().toString(), "jfr.flame", "frame",
                        "java.lang.Thread.run;com.acme.RequestHandler.handle;com.acme.SessionCache.put;java.util.HashMap.resize"))
                .build();
    }

    static Evidence heapTrend(Path recording) {
        return Evidence.builder(EvidenceKind.HEAP_TREND)
                .summary("Old generation after GC grows by about 60 MB an hour")
                .figure(Figure.bytes("10:00", 310_378_496L)).figure(Figure.bytes("11:00", 373_293_056L))
                .figure(Figure.bytes("12:00", 436_207_616L)).figure(Figure.bytes("13:00", 499_122_176L))
                .source(EvidenceSource.stored(recording.toAbsolutePath().toString(), "jfr.heapTrend", "from", "10:00", "to", "13:00"))
                .build();
    }
}
