package dev.inquest.jfr.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Which events an event table holds: one type, and optionally one thread, a time range and a text.
 *
 * @param type   the event type's name; required
 * @param thread keep events whose thread name contains this (any case); null for all
 * @param from   keep events starting at or after; null for the recording start
 * @param to     keep events starting before; null for the recording end
 * @param text   keep events with a field whose shown text contains this (any case); null for all
 */
public record EventQuery(String type, String thread, Instant from, Instant to, String text) {
    public EventQuery {
        Objects.requireNonNull(type, "type");
        thread = blankToNull(thread);
        text = blankToNull(text);
    }

    public static EventQuery of(String type) {
        return new EventQuery(type, null, null, null, null);
    }

    public EventQuery withThread(String t) {
        return new EventQuery(type, t, from, to, text);
    }

    public EventQuery withRange(Instant f, Instant t) {
        return new EventQuery(type, thread, f, t, text);
    }

    public EventQuery withText(String t) {
        return new EventQuery(type, thread, from, to, t);
    }

    /** Whether events must be read to know which match (a type alone is counted from the raw chunk). */
    public boolean filtersEvents() {
        return thread != null || text != null || from != null || to != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
