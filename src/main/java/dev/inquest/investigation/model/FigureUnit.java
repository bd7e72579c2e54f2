package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The unit of a pinned {@link Figure}, which exports format specially. Stored in the case file as
 * its word ({@code bytes}); this type is the one place that maps words to units and back. Other
 * words ({@code MB/s}, a newer build's unit) read as {@link Other}, are printed after the number
 * and written back unchanged.
 */
public sealed interface FigureUnit permits FigureUnit.Known, FigureUnit.Other {
    /** No unit: a plain number. */
    FigureUnit NONE = Known.NONE;
    FigureUnit BYTES = Known.BYTES;
    /** A signed change in bytes. */
    FigureUnit BYTES_DELTA = Known.BYTES_DELTA;
    /** A percentage, 0-100 (not a fraction). */
    FigureUnit PERCENT = Known.PERCENT;
    FigureUnit COUNT = Known.COUNT;
    /** A signed change in a count. */
    FigureUnit COUNT_DELTA = Known.COUNT_DELTA;
    FigureUnit MILLISECONDS = Known.MILLISECONDS;
    FigureUnit SECONDS = Known.SECONDS;

    /** The word stored in the case file. */
    @JsonValue
    String word();

    /** The unit a stored word names; null (an older file without a unit) is {@link #NONE}. */
    @JsonCreator
    static FigureUnit of(String word) {
        if (word == null) {
            return NONE;
        }
        for (Known k : Known.values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        return new Other(word);
    }

    /** The units this build formats itself. */
    enum Known implements FigureUnit {
        NONE(""), BYTES("bytes"), BYTES_DELTA("bytesDelta"), PERCENT("percent"), COUNT("count"), COUNT_DELTA("countDelta"),
        MILLISECONDS("ms"), SECONDS("s");

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

    /** A unit this build does not format, kept as its word. */
    record Other(@JsonValue String word) implements FigureUnit {
        public Other {
            Objects.requireNonNull(word, "word");
        }

        @Override
        public String toString() {
            return word;
        }
    }
}
