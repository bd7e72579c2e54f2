package dev.inquest.jfr.render;

/**
 * What a frame is, as far as colouring goes. The names follow what profilers report: HotSpot's
 * JFR stack frames carry "Interpreted", "JIT compiled", "Inlined" and "Native"; allocation trees add
 * the allocated class as their leaf frame.
 */
public enum FrameKind {
    INTERPRETED,
    JIT_COMPILED,
    INLINED,
    NATIVE,
    KERNEL,
    ALLOCATED_CLASS,
    UNKNOWN;

    /**
     * The kind for an async-profiler style annotation suffix ({@code _[j]} JIT, {@code _[i]} inlined,
     * {@code _[k]} kernel, {@code _[0]} interpreted, {@code _[1]} C1 compiled) plus our own
     * {@code _[n]} native and {@code _[a]} allocated class; null when the suffix is none of these.
     */
    static FrameKind ofSuffix(char c) {
        return switch (c) {
            case 'j', '1' -> JIT_COMPILED;
            case 'i' -> INLINED;
            case 'k' -> KERNEL;
            case '0' -> INTERPRETED;
            case 'n' -> NATIVE;
            case 'a' -> ALLOCATED_CLASS;
            default -> null;
        };
    }

    /** The suffix {@link #ofSuffix} reads back, so collapsed output round-trips. */
    char suffix() {
        return switch (this) {
            case JIT_COMPILED -> 'j';
            case INLINED -> 'i';
            case KERNEL -> 'k';
            case INTERPRETED -> '0';
            case NATIVE -> 'n';
            case ALLOCATED_CLASS -> 'a';
            case UNKNOWN -> '?';
        };
    }

    /** Human-readable name for hover text and legends. */
    public String label() {
        return switch (this) {
            case INTERPRETED -> "interpreted";
            case JIT_COMPILED -> "JIT compiled";
            case INLINED -> "inlined";
            case NATIVE -> "native";
            case KERNEL -> "kernel";
            case ALLOCATED_CLASS -> "allocated class";
            case UNKNOWN -> "frame";
        };
    }
}
