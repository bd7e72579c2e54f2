package dev.inquest.capture;

import java.time.Instant;

/**
 * A recording started in a JVM and still running there, to be dumped or stopped later
 * ({@link JvmConnection#dumpRecording}, {@link JvmConnection#stopRecording}).
 *
 * @param id       the JVM's id of the recording (JFR's recording id)
 * @param name     its name, as {@code jcmd PID JFR.check} shows it
 * @param settings what it records
 * @param started  when it started
 */
public record RunningRecording(long id, String name, RecordingSettings settings, Instant started) {
}
