package dev.inquest.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.summary.ChunkDamage;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording verb's JSON: which file, whether it was read whole (a recording cut short is read up
 * to its last complete chunk, and every figure below then counts only that part), and the answer's
 * own fields beside them.
 */
@JsonPropertyOrder({"file", "truncated", "missing", "problems"})
record RecordingAnswer<T>(String file, boolean truncated, String missing, List<String> problems,
                          @JsonUnwrapped T answer) {
    /** Call after asking: the read may have found damaged chunks, which it skipped. */
    static <T> RecordingAnswer<T> of(Recording recording, T answer) {
        List<String> problems = new ArrayList<>();
        recording.truncation().ifPresent(t -> problems.add(t.missingReason() + " at byte " + t.offset()));
        for (ChunkDamage d : recording.damage()) {
            problems.add(d.describe());
        }
        return new RecordingAnswer<>(recording.file().toString(), recording.partial(),
                recording.truncation().map(t -> t.missingReason() + " at byte " + t.offset()).orElse(null),
                List.copyOf(problems), answer);
    }
}
