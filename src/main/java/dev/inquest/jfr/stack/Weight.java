package dev.inquest.jfr.stack;

/** What a tree's weights count. */
public enum Weight {
    /** Allocated bytes (sample weights, TLAB sizes). */
    BYTES("bytes"),
    /** Number of events (samples). */
    COUNT("samples"),
    /** Blocked time in nanoseconds (monitor enter, park). */
    NANOS("ns");

    private final String unit;

    Weight(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}
