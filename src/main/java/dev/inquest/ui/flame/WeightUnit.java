package dev.inquest.ui.flame;

import java.util.Locale;

/** What a flame graph's weights count, and how to print them for people. */
public enum WeightUnit {
    /** Sampled stacks (CPU, wall clock): counts with thousands separators. */
    SAMPLES("samples"),
    /** Events of any other kind (lock contentions, exceptions). */
    EVENTS("events"),
    /** Allocated or retained bytes: binary KB/MB/GB, as heap tools print them. */
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
        long abs = Math.abs(b);
        if (abs < 1024) {
            return b + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double v = b / 1024.0;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.US, Math.abs(v) < 10 ? "%.2f %s" : Math.abs(v) < 100 ? "%.1f %s" : "%.0f %s", v, units[u]);
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
