package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * What a piece of evidence is. Stored in the case file as its word ({@code dominatorRow}); this
 * type is the one place that maps words to kinds and back. A word this build does not know (a
 * newer build's kind) reads as {@link Other} and is written back unchanged.
 */
public sealed interface EvidenceKind permits EvidenceKind.Known, EvidenceKind.Other {
    /** Free text, typed in or imported from a document. */
    EvidenceKind NOTE = Known.NOTE;
    /** An object of a heap dump with its retained size and path to a GC root. */
    EvidenceKind DOMINATOR_ROW = Known.DOMINATOR_ROW;
    /** A class of a heap dump: instances, shallow and retained size. */
    EvidenceKind HISTOGRAM_ROW = Known.HISTOGRAM_ROW;
    /** A class's growth between two heap dumps. */
    EvidenceKind HISTOGRAM_DELTA = Known.HISTOGRAM_DELTA;
    /** A flame-graph frame of a recording (allocations or CPU). */
    EvidenceKind FLAME_FRAME = Known.FLAME_FRAME;
    /** The live set after GC over a recording. */
    EvidenceKind HEAP_TREND = Known.HEAP_TREND;
    /** A group of a recording's old-object samples. */
    EvidenceKind OLD_OBJECT_SAMPLE = Known.OLD_OBJECT_SAMPLE;
    /** A leak suspect. */
    EvidenceKind SUSPECT = Known.SUSPECT;
    /** Rows of a heap query's result; the query itself is the source's locator (its provenance). */
    EvidenceKind QUERY_RESULT = Known.QUERY_RESULT;
    /** A rule's verdict over a recording: its score, explanation and figures. */
    EvidenceKind RULE_RESULT = Known.RULE_RESULT;
    /** A frame of a recording's lock contention flame graph: blocked time on monitors and parks. */
    EvidenceKind LOCK_FRAME = Known.LOCK_FRAME;
    /** A series of a recording's memory beyond the heap (resident set, metaspace, NMT...), over a time range. */
    EvidenceKind NATIVE_MEMORY = Known.NATIVE_MEMORY;

    /** The word stored in the case file. */
    @JsonValue
    String word();

    /** The kind a stored word names. */
    @JsonCreator
    static EvidenceKind of(String word) {
        Objects.requireNonNull(word, "kind");
        for (Known k : Known.values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        return new Other(word);
    }

    /** The kinds this build drafts and draws. */
    enum Known implements EvidenceKind {
        NOTE("note"), DOMINATOR_ROW("dominatorRow"), HISTOGRAM_ROW("histogramRow"), HISTOGRAM_DELTA("histogramDelta"),
        FLAME_FRAME("flameFrame"), HEAP_TREND("heapTrend"), OLD_OBJECT_SAMPLE("oldObjectSample"), SUSPECT("suspect"),
        QUERY_RESULT("queryResult"), RULE_RESULT("ruleResult"), LOCK_FRAME("lockFrame"), NATIVE_MEMORY("nativeMemory");

        private final String word;

        Known(String word) {
            this.word = word;
        }

        @JsonValue
        @Override
        public String word() {
            return word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    /** A kind this build does not know, kept as its word. */
    record Other(@JsonValue String word) implements EvidenceKind {
        public Other {
            Objects.requireNonNull(word, "word");
        }

        @Override
        public String toString() {
            return word;
        }
    }
}
