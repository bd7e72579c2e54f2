package dev.inquest.capture;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A recording to take for a fixed time.
 *
 * @param out      the file it is saved to, on this machine (also for a remote JVM: the recording is
 *                 streamed over JMX)
 * @param duration how long to record
 * @param settings what to record
 */
public record RecordingRequest(Path out, Duration duration, RecordingSettings settings) {
    public RecordingRequest {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(settings, "settings");
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a recording lasts some time, not " + duration);
        }
    }
}
