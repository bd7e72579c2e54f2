package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The view pinned evidence reopens in, stored in the case file as its id ({@code heap.object},
 * {@code jfr.alloc}); this type is the one place that maps ids to views and back. An id this
 * build does not know reads as {@link Other}, is written back unchanged, and still goes to its
 * engine's reopener by its prefix.
 */
public sealed interface EvidenceView permits EvidenceView.Known, EvidenceView.Other {
    /** An object of a heap dump (locator {@link Locator.HeapObject}). */
    EvidenceView HEAP_OBJECT = Known.HEAP_OBJECT;
    /** A class of a heap dump (locator {@link Locator.HeapClass}). */
    EvidenceView HEAP_CLASS = Known.HEAP_CLASS;
    /** The histogram of a heap dump on a class (locator {@link Locator.HeapClass}). */
    EvidenceView HEAP_HISTOGRAM = Known.HEAP_HISTOGRAM;
    EvidenceView HEAP_DOMINATORS = Known.HEAP_DOMINATORS;
    EvidenceView HEAP_COMPARE = Known.HEAP_COMPARE;
    /** The query view of a heap dump (locator {@link Locator.HeapQuery}). */
    EvidenceView HEAP_QUERY = Known.HEAP_QUERY;
    /** The allocation flame graph of a recording (locator {@link Locator.FlameFrame}). */
    EvidenceView JFR_ALLOC = Known.JFR_ALLOC;
    /** The CPU flame graph of a recording (locator {@link Locator.FlameFrame}). */
    EvidenceView JFR_CPU = Known.JFR_CPU;
    EvidenceView JFR_FLAME = Known.JFR_FLAME;
    /** The heap-over-time chart of a recording. */
    EvidenceView JFR_HEAP_TREND = Known.JFR_HEAP_TREND;
    /** The old-object samples of a recording (locator {@link Locator.OldObjectGroup}). */
    EvidenceView JFR_OLD_OBJECTS = Known.JFR_OLD_OBJECTS;
    /** The rules' findings on a recording's overview (locator {@link Locator.TimeRange} where the rule names one). */
    EvidenceView JFR_FINDINGS = Known.JFR_FINDINGS;
    /** The lock contention flame graph of a recording (locator {@link Locator.FlameFrame}). */
    EvidenceView JFR_LOCK = Known.JFR_LOCK;
    /** The memory beyond the heap of a recording (locator {@link Locator.NativeSeries}). */
    EvidenceView JFR_NATIVE = Known.JFR_NATIVE;

    /** Which engine's views an id belongs to. */
    enum Engine { HEAP, JFR, OTHER }

    /** The id stored in the case file. */
    @JsonValue
    String id();

    /** Heap views start with {@code heap.}, recording views with {@code jfr.}. */
    default Engine engine() {
        return id().startsWith("heap.") ? Engine.HEAP : id().startsWith("jfr.") ? Engine.JFR : Engine.OTHER;
    }

    /** The view a stored id names. */
    @JsonCreator
    static EvidenceView of(String id) {
        Objects.requireNonNull(id, "view");
        for (Known k : Known.values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        return new Other(id);
    }

    /** The views this build pins from or reopens. */
    enum Known implements EvidenceView {
        HEAP_OBJECT("heap.object"), HEAP_CLASS("heap.class"), HEAP_HISTOGRAM("heap.histogram"),
        HEAP_DOMINATORS("heap.dominators"), HEAP_COMPARE("heap.compare"), HEAP_QUERY("heap.query"),
        JFR_ALLOC("jfr.alloc"), JFR_CPU("jfr.cpu"), JFR_FLAME("jfr.flame"), JFR_HEAP_TREND("jfr.heapTrend"),
        JFR_OLD_OBJECTS("jfr.oldObjects"), JFR_FINDINGS("jfr.findings"), JFR_LOCK("jfr.lock"),
        JFR_NATIVE("jfr.native");

        private final String id;

        Known(String id) {
            this.id = id;
        }

        @JsonValue
        @Override
        public String id() {
            return id;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** A view this build does not know, kept as its id. */
    record Other(@JsonValue String id) implements EvidenceView {
        public Other {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
