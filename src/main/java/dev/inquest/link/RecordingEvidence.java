package dev.inquest.link;

import dev.inquest.format.Units;
import dev.inquest.format.Markdown;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Figure;
import dev.inquest.investigation.model.FigureUnit;
import dev.inquest.investigation.model.Locator;
import dev.inquest.jfr.heap.HeapTimeline;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.oldobj.OldObjectReport;
import dev.inquest.jfr.rules.RuleEvidence;
import dev.inquest.jfr.rules.RuleFigure;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.jfr.stack.Weight;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evidence drafted from a recording's answers (a flame-graph frame, the live-set trend, a group of
 * old-object samples): the figures, the summary sentence and the way back, so the recording views
 * only say what is selected.
 */
public final class RecordingEvidence {
    private RecordingEvidence() {
    }

    /**
     * A frame of an allocation or CPU flame graph.
     *
     * @param label       the frame as shown
     * @param stack       the frames from the root to it
     * @param shareOfRoot its total over the graph's total, 0..1
     */
    public record Frame(String label, List<String> stack, double shareOfRoot, long total, long self) {
        public Frame {
            stack = List.copyOf(stack);
        }
    }

    /**
     * A frame's share of the profile, its weights and the stack that reaches it, with the view,
     * weight and time range to reopen it.
     *
     * @param recording    the recording's name for the summary
     * @param artifact     the case's artifact id for the recording, or its absolute path
     * @param allocations  the allocation graph (else the CPU graph)
     * @param eventsInView the events the graph was built from
     * @param range        the time range shown, null for the whole recording
     */
    public static Evidence flameFrame(String recording, String artifact, boolean allocations, Weight weight,
                                      long eventsInView, Frame frame, Locator.TimeRange range) {
        boolean bytes = weight == Weight.BYTES;
        String what = allocations ? (bytes ? "of allocated bytes" : "of allocation samples") : "of CPU samples";
        Evidence.Builder b = Evidence.builder(EvidenceKind.FLAME_FRAME)
                .summary(Markdown.code(frame.label()) + " accounts for " + Units.percent(frame.shareOfRoot()) + " " + what
                        + " in " + named(recording))
                .percent("share", frame.shareOfRoot() * 100);
        if (bytes) {
            b.bytes("total", frame.total()).bytes("self", frame.self());
        } else {
            b.count("total", frame.total()).count("self", frame.self());
        }
        b.count("events in view", eventsInView).path(frame.stack());
        return b.source(artifact, allocations ? EvidenceView.JFR_ALLOC : EvidenceView.JFR_CPU,
                new Locator.FlameFrame(frame.stack(), Locator.FlameWeight.valueOf(weight.name()), range)).build();
    }

    /**
     * A frame of the lock contention graph: its share of the blocked time (or of the blocking
     * events, weighed by count), its total and self weight, the event types it was built from, and
     * the way back to the Locks tab on that frame.
     *
     * @param weight       {@link Weight#NANOS} (blocked time) or {@link Weight#COUNT}
     * @param eventTypes   the event types the graph was built from (jdk.JavaMonitorEnter, jdk.ThreadPark)
     * @param eventsInView the blocking events the graph was built from
     */
    public static Evidence lockFrame(String recording, String artifact, Weight weight, List<String> eventTypes,
                                     long eventsInView, Frame frame, Locator.TimeRange range) {
        boolean nanos = weight == Weight.NANOS;
        String types = String.join(", ", eventTypes);
        Evidence.Builder b = Evidence.builder(EvidenceKind.LOCK_FRAME)
                .summary("Lock contention: " + Markdown.code(frame.label()) + " accounts for "
                        + Units.percent(frame.shareOfRoot()) + (nanos ? " of the blocked time (" + Units.duration(frame.total())
                        + " blocked)" : " of the blocking events (" + Units.count(frame.total()) + ")") + " in "
                        + Markdown.text(named(recording)) + " (" + Markdown.text(types) + ")")
                .percent("share", frame.shareOfRoot() * 100);
        if (nanos) {
            b.figure(new Figure("blocked", frame.total() / 1e6,
                    FigureUnit.MILLISECONDS));
            b.figure(new Figure("blocked self", frame.self() / 1e6,
                    FigureUnit.MILLISECONDS));
        } else {
            b.count("blocking events", frame.total()).count("blocking events self", frame.self());
        }
        b.count("events in view", eventsInView).path(frame.stack());
        return b.source(artifact, EvidenceView.JFR_LOCK,
                new Locator.FlameFrame(frame.stack(), Locator.FlameWeight.valueOf(weight.name()), range)).build();
    }

    /**
     * A series of the memory beyond the heap over the range shown (null: the whole recording): the
     * engine's sentence on it and its figures, and the way back to the Native memory tab on that
     * series; empty when the series has no point in the range.
     *
     * @param start the recording's first instant, to name the range in seconds from it
     */
    public static Optional<Evidence> nativeSeries(String recording, String artifact, NativeMemory.Series series,
                                                  Instant start, Locator.TimeRange range) {
        Instant from = range == null ? null : range.from();
        Instant to = range == null ? null : range.to();
        Optional<NativeMemory.Stats> stats = series.statsWithin(from, to);
        if (stats.isEmpty()) {
            return Optional.empty();
        }
        NativeMemory.Stats s = stats.get();
        boolean bytes = series.kind().bytes();
        Evidence.Builder b = Evidence.builder(EvidenceKind.NATIVE_MEMORY)
                .summary(Markdown.text(series.describe(s, start, from, to)) + " (" + Markdown.text(named(recording)) + ")");
        if (bytes) {
            b.bytes("first", s.first()).bytes("last", s.last()).bytes("min", s.min()).bytes("max", s.max())
                    .figure(new Figure("growth", s.growth(),
                            FigureUnit.BYTES_DELTA));
        } else {
            b.count("first", s.first()).count("last", s.last()).count("min", s.min()).count("max", s.max())
                    .figure(new Figure("growth", s.growth(),
                            FigureUnit.COUNT_DELTA));
        }
        b.count("points", s.points()).figure(new Figure("span",
                s.span().toMillis() / 1000.0, FigureUnit.SECONDS));
        return Optional.of(b.source(artifact, EvidenceView.JFR_NATIVE,
                new Locator.NativeSeries(series.kind().id(), series.category(), range)).build());
    }

    /**
     * The live-set trend with its after-GC points (named by seconds from {@code start}), as the
     * report's heap-trend figure draws them; empty when the recording has no trend.
     */
    public static Optional<Evidence> heapTrend(String recording, String artifact, HeapTimeline timeline, Instant start) {
        if (timeline == null || timeline.trend() == null) {
            return Optional.empty();
        }
        Evidence.Builder b = Evidence.builder(EvidenceKind.HEAP_TREND)
                .summary(describe(timeline.trend()) + " (" + named(recording) + ")");
        for (HeapTimeline.HeapSample s : timeline.heap()) {
            if (s.afterGc()) {
                b.bytes(String.format(Locale.ROOT, "%.1f s", Duration.between(start, s.time()).toMillis() / 1000.0), s.used());
            }
        }
        return Optional.of(b.source(artifact, EvidenceView.JFR_HEAP_TREND).build());
    }

    /** The live-set trend in a sentence, as the heap view and its evidence say it. */
    public static String describe(HeapTimeline.LiveSetTrend trend) {
        if (trend == null) {
            return "No heap summaries recorded.";
        }
        if (!trend.rateStated()) {
            // No per-minute figure from a span too short or too few GCs: it would claim more than was seen.
            return "Live set (heap after GC): " + rate(trend) + ", no per-minute rate stated"
                    + (trend.caveat() == null ? "." : " \u2014 " + trend.caveat() + ".");
        }
        String slope = Units.bytesDelta(Math.round(trend.bytesPerMinute())) + " per minute";
        String base = "Live set (heap after GC) trend: " + slope + " over " + trend.collections() + " collections";
        return trend.caveat() == null ? base + "." : base + " \u2014 " + trend.caveat();
    }

    /**
     * The live-set trend as a short figure (the suspect card's): "+4.2 MB / min" when the engine
     * allows a rate, else why not, e.g. "recording too short for a trend (1.7 s)".
     */
    public static String rate(HeapTimeline.LiveSetTrend trend) {
        if (trend == null) {
            return "no heap summaries";
        }
        if (trend.collections() < HeapTimeline.LiveSetTrend.MIN_GCS_FOR_RATE) {
            return "too few GCs for a trend (" + trend.collections() + ")";
        }
        if (!trend.rateStated()) {
            return String.format(Locale.ROOT, "recording too short for a trend (%.1f s)", trend.span().toMillis() / 1000.0);
        }
        return Units.bytesDelta(Math.round(trend.bytesPerMinute())) + " / min";
    }

    /**
     * A group of old-object samples: how many, how many bytes, and the first sample's chain to its
     * root.
     *
     * @param bySite groups by allocation site (else by type)
     */
    public static Evidence oldObjectGroup(String recording, String artifact, OldObjectReport report,
                                          OldObjectReport.Group group, boolean bySite) {
        Evidence.Builder b = Evidence.builder(EvidenceKind.OLD_OBJECT_SAMPLE)
                .summary(Units.count(group.count()) + " old-object samples " + (bySite ? "allocated at " : "of ")
                        + Markdown.code(group.key()) + " still alive at the end of " + named(recording))
                .count("samples", group.count());
        if (group.totalSize() > 0) {
            b.bytes("sampled bytes", group.totalSize());
        }
        report.samples().stream().filter(s -> inGroup(s, group, bySite)).filter(s -> !s.chain().isEmpty()).findFirst().ifPresent(s ->
                b.path(s.chain().stream().map(step -> step.type() + (step.via() == null ? "" : " \u2190 " + step.via())).toList()));
        return b.source(artifact, EvidenceView.JFR_OLD_OBJECTS, new Locator.OldObjectGroup(group.key(), bySite)).build();
    }

    /** Whether a sample is in a group: its type, or its allocation site (the stack's top frame). */
    public static boolean inGroup(OldObjectReport.Sample s, OldObjectReport.Group group, boolean bySite) {
        if (!bySite) {
            return group.key().equals(s.type());
        }
        List<String> stack = s.allocationStack();
        return group.key().equals(stack.isEmpty() ? "<no stack trace>" : stack.getFirst());
    }

    /**
     * A rule's result, pinnable like any other evidence: one line with the verdict, the score and the
     * rule's explanation, its figures, and the way back (the allocation flame graph at the frame the
     * rule names, else the findings with the rule's time range).
     */
    public static Evidence ruleResult(String recording, String artifact, RuleResult result) {
        String verdict = result.verdict().label();
        String score = result.score() == null ? "" : String.format(Locale.ROOT, " (score %d)", (int) Math.floor(result.score()));
        Evidence.Builder b = Evidence.builder(EvidenceKind.RULE_RESULT)
                .summary("**" + verdict + "**" + score + " \u2014 " + Markdown.text(result.title()) + ": "
                        + Markdown.text(result.explanation()) + " (" + Markdown.text(named(recording)) + ")");
        if (result.score() != null) {
            b.figure(new Figure("score", Math.floor(result.score()),
                    FigureUnit.NONE));
        }
        for (RuleFigure f : result.figures()) {
            b.figure(figure(f));
        }
        Optional<RuleEvidence.Frame> frame = result.evidence().stream().filter(RuleEvidence.Frame.class::isInstance)
                .map(RuleEvidence.Frame.class::cast).findFirst();
        if (frame.isPresent() && frame.get().flame() == RuleEvidence.FlameKind.ALLOCATION) {
            List<String> stack = frame.get().path().isEmpty() ? List.of(frame.get().method()) : frame.get().path();
            return b.path(stack).source(artifact, EvidenceView.JFR_ALLOC,
                    new Locator.FlameFrame(stack, Locator.FlameWeight.BYTES, null)).build();
        }
        Optional<RuleEvidence.TimeRange> range = result.evidence().stream().filter(RuleEvidence.TimeRange.class::isInstance)
                .map(RuleEvidence.TimeRange.class::cast).findFirst();
        return b.source(artifact, EvidenceView.JFR_FINDINGS, range.<Locator>map(r -> new Locator.TimeRange(r.from(), r.to()))
                .orElse(Locator.NONE)).build();
    }

    /** A rule's figure as a case figure: rates in MB/s (a case figure has no per-second unit of its own). */
    private static dev.inquest.investigation.model.Figure figure(RuleFigure f) {
        return switch (f.unit()) {
            case BYTES -> dev.inquest.investigation.model.Figure.bytes(f.name(), Math.round(f.value()));
            case PERCENT -> dev.inquest.investigation.model.Figure.percent(f.name(), f.value());
            case COUNT -> dev.inquest.investigation.model.Figure.count(f.name(), Math.round(f.value()));
            case MILLISECONDS -> new Figure(f.name(), f.value(),
                    FigureUnit.MILLISECONDS);
            case SECONDS -> new Figure(f.name(), f.value(),
                    FigureUnit.SECONDS);
            case BYTES_PER_SECOND -> new Figure(f.name(),
                    Math.round(f.value() / (1024.0 * 1024) * 100) / 100.0, FigureUnit.of("MB/s"));
        };
    }

    /** The recording as a sentence names it: its file name, not the path it was opened by. */
    private static String named(String recording) {
        try {
            Path name = Path.of(recording).getFileName();
            return name == null ? recording : name.toString();
        } catch (InvalidPathException e) {
            return recording;
        }
    }
}
