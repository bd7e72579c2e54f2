package dev.inquest.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.inquest.jfr.Recording;

/**
 * A recording verb's JSON: which file, whether it was read whole (a recording cut short is read up
 * to its last complete chunk, and every figure below then counts only that part), and the answer's
 * own fields beside them.
 */
@JsonPropertyOrder({"file", "truncated", "missing"})
record RecordingAnswer<T>(String file, boolean truncated, String missing, @JsonUnwrapped T answer) {
    static <T> RecordingAnswer<T> of(Recording recording, T answer) {
        return new RecordingAnswer<>(recording.file().toString(), recording.truncation().isPresent(),
                recording.truncation().map(t -> t.missingReason() + " at byte " + t.offset()).orElse(null), answer);
    }
}
