package dev.inquest.jfr.stack;

/**
 * Which allocation events weigh an allocation tree. jdk.ObjectAllocationSample (JDK 16+) and the
 * TLAB events describe the same allocations, so adding both would count every byte twice.
 */
public enum AllocSource {
    /** Samples when the recording has any, else the TLAB events (JDK 11-15, async-profiler). */
    AUTO,
    SAMPLES,
    TLAB,
    /** Both families added up: what async-profiler's converter does; only for comparing with it. */
    ALL
}
