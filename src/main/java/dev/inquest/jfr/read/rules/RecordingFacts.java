package dev.inquest.jfr.read.rules;

import java.time.Duration;
import java.time.Instant;

/** What every rule may state its figures against: the recording's span. */
record RecordingFacts(Instant start, Instant end) {
    Duration length() {
        return Duration.between(start, end);
    }

    double seconds() {
        return Math.max(1e-3, length().toNanos() / 1e9);
    }

    /** "12.3 s of recording", "4 min 10 s of recording". */
    String lengthText() {
        return dev.inquest.format.Units.elapsed(length().toMillis()) + " of recording";
    }
}
