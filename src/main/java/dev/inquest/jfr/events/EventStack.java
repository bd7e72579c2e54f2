package dev.inquest.jfr.events;

import java.util.List;

/**
 * The stack trace of one event, the innermost frame first.
 *
 * @param frames    "pkg.Class.method(line)" as far as recorded; empty when the event has none
 * @param truncated whether the recorder cut the stack (its depth limit)
 */
public record EventStack(List<String> frames, boolean truncated) {
    public static final EventStack NONE = new EventStack(List.of(), false);
}
