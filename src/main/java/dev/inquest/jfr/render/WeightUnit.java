package dev.inquest.jfr.render;

import java.util.Locale;

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
            case SAMPLES, EVENTS -> String.format(Locale.US, "%,d %s", weight, weight == 1 ? noun.substring(0, noun.length() - 1) : noun);
            case BYTES -> bytes(weight);
            case NANOSECONDS -> duration(weight);
        };
    }

    static String bytes(long b) {
        return dev.inquest.format.Units.bytes(b);
    }

    static String duration(long ns) {
        long abs = Math.abs(ns);
        if (abs < 1_000) {
            return ns + " ns";
        } else if (abs < 1_000_000) {
            return String.format(Locale.US, "%.1f \u00b5s", ns / 1e3);
        } else if (abs < 1_000_000_000) {
            return String.format(Locale.US, "%.1f ms", ns / 1e6);
        }
        return String.format(Locale.US, "%,.2f s", ns / 1e9);
    }

    /** A share (0..1) as a percentage with two decimals: "12.40 %". */
    public static String percent(double share) {
        return String.format(Locale.US, "%.2f %%", share * 100);
    }
}
