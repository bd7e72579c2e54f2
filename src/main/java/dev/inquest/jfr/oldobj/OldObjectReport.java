package dev.inquest.jfr.oldobj;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Old-object samples (jdk.OldObjectSample): objects that were still alive when the recording
 * ended, the candidates for a leak, grouped by type and by allocation site.
 *
 * @param chainsMissing true when there are samples but none carries a reference chain
 * @param hint          what to do about it (record with path-to-gc-roots=true), or null
 */
public record OldObjectReport(List<Sample> samples, List<Group> byType, List<Group> bySite, boolean chainsMissing,
                              String hint) {

    /**
     * @param size             object size in bytes, -1 when the JDK did not record it (before JDK 17)
     * @param age              how long the object had lived at the end of the recording, or null
     * @param allocationStack  frames, allocating frame first
     * @param chain            from the object towards the GC root; empty when not recorded
     * @param root             GC root description ("JNI global", "class JfrAllocWorkload", ...), or null
     */
    public record Sample(String type, long size, Duration age, Instant allocationTime, long arrayElements,
                         List<String> allocationStack, List<Step> chain, String root) {
    }

    /**
     * One object on the way to the root.
     *
     * @param via how the next object (towards the root) refers to this one: a field name,
     *            "[index]" for an array element, or null at the last step
     */
    public record Step(String type, String description, String via) {
    }

    /** @param key class name or allocation frame */
    public record Group(String key, int count, long totalSize) {
    }
}
