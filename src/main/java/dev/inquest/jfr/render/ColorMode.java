package dev.inquest.jfr.render;

/** How frames are coloured. */
public enum ColorMode {
    /** By {@link FrameKind}: interpreted, JIT compiled, inlined, native, kernel, allocated class. */
    KIND("Frame type"),
    /** By Java package: a stable hash of the package name picks the hue. */
    PACKAGE("Package"),
    /** Differential: red where the share grew against the baseline, blue where it shrank. */
    DIFF("Difference");

    private final String label;

    ColorMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
