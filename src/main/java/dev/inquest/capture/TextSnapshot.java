package dev.inquest.capture;

import java.time.Instant;

/**
 * A class histogram, thread dump or native memory summary, as the JVM printed it.
 *
 * @param kind    which of the three
 * @param text    the JVM's text
 * @param jvm     the JVM it came from
 * @param taken   when
 * @param command the equivalent jcmd command
 */
public record TextSnapshot(CaptureKind kind, String text, JvmIdentity jvm, Instant taken, String command) {
}
