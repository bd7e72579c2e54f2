package dev.inquest.jfr.stack;

/** How a frame ran, kept per node so a flame graph can colour it; plus the synthetic kinds we add. */
public enum FrameType {
    INTERPRETED, JIT_COMPILED, INLINED, NATIVE, CPP, KERNEL,
    /** A class standing as the leaf frame: the allocated class, or the contended monitor's class. */
    CLASS,
    /** The tree's root ("all"). */
    ROOT,
    UNKNOWN;

    /** Maps {@code RecordedFrame.getType()} strings (JDK and async-profiler spellings). */
    public static FrameType of(String jfrType) {
        if (jfrType == null) {
            return UNKNOWN;
        }
        return switch (jfrType) {
            case "Interpreted" -> INTERPRETED;
            case "JIT compiled" -> JIT_COMPILED;
            case "Inlined" -> INLINED;
            case "Native" -> NATIVE;
            case "C++" -> CPP;
            case "Kernel" -> KERNEL;
            default -> UNKNOWN;
        };
    }
}
