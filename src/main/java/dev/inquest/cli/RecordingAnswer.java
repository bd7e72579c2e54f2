package dev.inquest.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.inquest.jfr.Recording;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.inquest.jfr.summary.RecordingDamage;
import java.util.List;

/**
 * A recording verb's JSON: which file, whether it was read whole (a recording cut short is read up
 * to its last complete chunk, and every figure below then counts only that part), and the answer's
 * own fields beside them.
 */
@JsonPropertyOrder({"file", "truncated", "missing", "problems"})
record RecordingAnswer<T>(String file, boolean truncated, String missing, List<String> problems,
                          @JsonIgnore RecordingDamage damage, @JsonUnwrapped T answer) {
    /** Call after asking: the read may have found damaged chunks, which it skipped. */
    static <T> RecordingAnswer<T> of(Recording recording, T answer) {
        return of(recording.file().toString(), recording.damageReport(), answer);
    }

    static <T> RecordingAnswer<T> of(String file, RecordingDamage damage, T answer) {
        return new RecordingAnswer<>(file, damage.partial(), damage.missing(), damage.problems(), damage, answer);
    }
}
