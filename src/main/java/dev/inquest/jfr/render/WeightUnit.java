package dev.inquest.jfr.render;

import dev.inquest.format.Units;

/** What a flame graph's weights count, and how to print them for people. */
public enum WeightUnit {
    /** Sampled stacks (CPU, wall clock): counts with thousands separators. */
    SAMPLES("samples"),
    /** Events of any other kind (lock contentions, exceptions). */
    EVENTS("events"),
    /** Allocated or retained bytes: binary KB/MB/GB, as everywhere in Inquest. */
    BYTES("bytes"),
    /** Durations (blocked time, I/O time). */
    NANOSECONDS("ns");

    private final String noun;

    WeightUnit(String noun) {
        this.noun = noun;
    }

    public String format(long weight) {
        return switch (this) {
            case SAMPLES, EVENTS -> Units.count(weight) + " " + (weight == 1 ? noun.substring(0, noun.length() - 1) : noun);
            case BYTES -> Units.bytes(weight);
            case NANOSECONDS -> Units.duration(weight);
        };
    }
}
