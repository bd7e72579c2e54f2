package dev.inquest.jfr.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What backs a rule's result, in the terms of the views that show it: a time range of the
 * recording, a flame-graph frame, or a chart series. Typed so a face can open the view it names.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = RuleEvidence.TimeRange.class, name = "timeRange"),
        @JsonSubTypes.Type(value = RuleEvidence.Frame.class, name = "frame"),
        @JsonSubTypes.Type(value = RuleEvidence.Series.class, name = "series")})
public sealed interface RuleEvidence {
    /** What the evidence shows, in a few words. */
    String label();

    /** A span of the recording, e.g. the worst pause window or a long pause. */
    record TimeRange(String label, Instant from, Instant to) implements RuleEvidence {
        public TimeRange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The flame graph a frame belongs to. */
    enum FlameKind { ALLOCATION, CPU, LOCK }

    /**
     * A flame-graph frame: the graph and the method (its top frame, e.g. an allocation site), with
     * the frames from the root to it where known (empty when only the method is).
     */
    record Frame(String label, FlameKind flame, String method, List<String> path) implements RuleEvidence {
        public Frame {
            Objects.requireNonNull(flame, "flame");
            Objects.requireNonNull(method, "method");
            path = path == null ? List.of() : List.copyOf(path);
        }
    }

    /** The chart series a rule reads. */
    enum SeriesKind {
        HEAP_AFTER_GC, METASPACE_AFTER_GC, CLASSES_LOADED, GC_PAUSES, CODE_CACHE_FREE, PHYSICAL_MEMORY_USED,
        /** Resident set minus committed heap: the recording's Native memory chart. */
        OUTSIDE_HEAP,
        /** Memory held by direct buffers: the Native memory chart. */
        DIRECT_BUFFERS,
        /** One native memory tracking category's committed memory: the Native memory chart. */
        NMT_CATEGORY;

        /** Whether the recording's Native memory view draws this series (else the heap chart does). */
        public boolean nativeMemory() {
            return this == OUTSIDE_HEAP || this == DIRECT_BUFFERS || this == NMT_CATEGORY;
        }
    }

    /** One point of a series. */
    record Point(Instant time, double value) {
    }

    /** A chart series as the rule read it, in time order; values in the unit given. */
    record Series(String label, SeriesKind series, RuleFigure.Unit unit, List<Point> points) implements RuleEvidence {
        public Series {
            Objects.requireNonNull(series, "series");
            points = List.copyOf(points);
        }
    }
}
