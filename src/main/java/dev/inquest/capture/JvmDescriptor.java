package dev.inquest.capture;

/**
 * A JVM found on this machine.
 *
 * @param pid        the process id
 * @param mainClass  the main class, or the jar for {@code java -jar} (the launcher's words when
 *                   nothing better is known), "" when the JVM does not say
 * @param version    the Java version, null when it could not be read
 * @param uptimeMillis how long it has run, -1 when not known
 * @param heapUsed   bytes of heap in use, -1 when not read
 * @param heapMax    the heap's maximum in bytes, -1 when not read or unlimited
 * @param problem    why it cannot be attached ("runs as another user", "did not answer within 5 s"),
 *                   null when it can
 */
public record JvmDescriptor(long pid, String mainClass, String version, long uptimeMillis, long heapUsed, long heapMax,
        String problem) {

    /** Whether captures can be taken from it. */
    public boolean attachable() {
        return problem == null;
    }

    public Target target() {
        return new Target.Local(pid);
    }
}
