package dev.inquest.investigation;

import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.CaseStatus;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceSource;
import dev.inquest.investigation.model.Figure;
import dev.inquest.investigation.model.Fingerprint;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.MetaLine;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Note;
import dev.inquest.investigation.model.Priority;
import dev.inquest.investigation.model.Reference;
import dev.inquest.investigation.model.Stance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Cases used across the investigation tests, including hostile names and heap-read secrets. */
public final class SampleCases {
    private SampleCases() {
    }

    /** A class name that breaks naive Markdown: generics, $, <init>, a pipe and backticks. */
    public static final String HOSTILE_CLASS = "com.acme.Cache$Entry<String, List<byte[]>>";
    public static final String HOSTILE_FRAME = "com.acme.`Weird`|Loader.<init>(Ljava/lang/String;)V";
    public static final String SECRET = "password=hunter2-TOKEN-a1b2c3";

    public static Evidence dominatorRow() {
        return new Evidence("E1", EvidenceKind.DOMINATOR_ROW, Stance.SUPPORTS,
                "`java.util.HashMap$Node[]` held by the session cache dominates the heap",
                List.of(Figure.bytes("retained", 222_298_112L), Figure.percent("percent", 41.27),
                        Figure.count("objects", 1_048_576)),
                List.of(), List.of("java.util.HashMap$Node[] @ 0x7f3a10000000", "java.util.HashMap.table",
                        "com.acme.SessionCache.entries", "<system class loader>"),
                EvidenceSource.stored("A1", "heap.dominators", "object", "0x7f3a10000000"),
                Instant.parse("2026-01-27T10:15:30Z"));
    }

    public static Evidence secretSample() {
        return new Evidence("E2", EvidenceKind.OLD_OBJECT_SAMPLE, Stance.SUPPORTS,
                "Old `java.lang.String` kept by `" + HOSTILE_CLASS + "`",
                List.of(Figure.bytes("shallow", 56), Figure.count("age", 12)), List.of(SECRET),
                List.of(HOSTILE_CLASS, "java.lang.String"),
                EvidenceSource.stored("A2", "jfr.oldObjects", "sample", "17"), Instant.parse("2026-01-27T10:20:00Z"));
    }

    public static Evidence heapTrend() {
        return new Evidence("E3", EvidenceKind.HEAP_TREND, Stance.SUPPORTS, "Heap after GC grows every minute",
                List.of(Figure.bytes("0 s", 120L << 20), Figure.bytes("60 s", 180L << 20),
                        Figure.bytes("120 s", 260L << 20), Figure.bytes("180 s", 330L << 20)),
                List.of(), List.of(), EvidenceSource.stored("A2", "jfr.heapTrend", "from", "0", "to", "180000"),
                Instant.parse("2026-01-27T10:25:00Z"));
    }

    public static Evidence flameFrame() {
        return new Evidence("E4", EvidenceKind.FLAME_FRAME, Stance.REFUTES,
                "Allocation is dominated by the request parser, not the cache",
                List.of(Figure.percent("share", 63.5), Figure.bytes("bytes", 3_500_000_000L)),
                List.of(), List.of("java.lang.Thread.run", "com.acme.Server.handle", HOSTILE_FRAME),
                EvidenceSource.stored("A2", "jfr.flame", "frame", "java.lang.Thread.run;com.acme.Server.handle"),
                Instant.parse("2026-01-27T10:30:00Z"));
    }

    public static Case rich() {
        Case.Builder b = new Case.Builder("Session cache keeps | growing after deploy");
        b.subtask(4).status(CaseStatus.IN_PROGRESS).statusDetail("cache suspected")
                .created(LocalDate.of(2026, 1, 27)).updated(LocalDate.of(2026, 1, 29));
        b.authors.addAll(List.of("dana", "lee"));
        b.artifacts.add(new Artifact("A1", "heap dump", "dumps/after.hprof",
                new Fingerprint(1_234_567_890L, Instant.parse("2026-01-27T09:00:00Z"), 65536, "ab".repeat(32))));
        b.artifacts.add(new Artifact("A2", "flight recording", "/srv/rec/app.jfr", null));
        b.context.add("Heap grows from 1GB to over 2GB in 3 hours after the `2.14` deploy");
        b.context.add("Only the EU cluster is affected");
        b.findings.add("`java.util.HashMap$Node` count grows 1M wrappers vs 350k assets (HIGH)");
        b.findings.add("Old-gen is stable once the cache is disabled");
        b.hypotheses.add(new Hypothesis("H1", "Does the session cache never evict?", HypothesisStatus.SUPPORTED,
                List.of("cache", "eviction"), "Eviction listener is never registered.",
                List.of(dominatorRow(), secretSample(), heapTrend())));
        b.hypotheses.add(new Hypothesis("H2", "Is the request parser the main allocator?", HypothesisStatus.REFUTED,
                List.of(), "", List.of(flameFrame())));
        b.hypotheses.add(Hypothesis.of("H3", "Could `" + HOSTILE_CLASS + "` pin class loaders?"));
        b.actions.add("Took two heap dumps 30 minutes apart");
        b.actions.add("Disabled the cache on one node");
        b.nextSteps.add(new NextStep("Register the eviction listener", false, Priority.P0, "@dana", "H1"));
        b.nextSteps.add(new NextStep("Add a heap alert at 80%", true, Priority.P2, null, null));
        b.nextSteps.add(NextStep.of("Re-run the load test"));
        b.references.add(Reference.of("Cache design", "../design/cache.md"));
        b.references.add(Reference.of("Incident 7781", null));
        b.notes.add(new Note("Timeline", 2, "- 09:00 deploy\n- 12:00 alert", "actions"));
        b.metadata.add(new MetaLine("Environment", "prod-eu, JDK 21"));
        b.closing("Update this document as the investigation progresses.");
        return b.build();
    }
}
