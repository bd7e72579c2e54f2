package dev.inquest.jfr.render;

import java.util.HashMap;
import java.util.Map;

/**
 * Frame colours as 0xRRGGBB, free of any toolkit so the canvas and the SVG export share them.
 *
 * <p>The palette keeps the flame graph conventions readers already know (async-profiler, flamegraph.pl)
 * but at medium lightness, so that dark label text stays readable and the frames still stand out
 * on a dark theme's background:
 * <ul>
 *   <li>JIT compiled Java: green; interpreted: paler yellow-green; inlined: aqua</li>
 *   <li>native (C/C++): yellow; kernel: orange</li>
 *   <li>allocated class (leaf of allocation trees): light blue; unknown: grey</li>
 *   <li>search matches: magenta, whatever the mode</li>
 *   <li>difference: red when the frame's share of the whole grew against the baseline, blue when it
 *       shrank, the saturation growing with the change relative to the largest change in the tree;
 *       grey when the change is negligible</li>
 * </ul>
 * Each frame's colour wobbles a little with a hash of its label so that neighbours stay apart.
 */
public final class FlamePalette {
    public static final int MATCH = hsb(292, 0.55, 0.90);
    public static final int SLIVER = 0x9a9a9a;
    public static final int UNCHANGED = hsb(0, 0, 0.80);

    private FlamePalette() {
    }

    /** Colours for every node of an index, in index order. */
    public static int[] colors(FlameIndex index, ColorMode mode) {
        int n = index.count();
        int[] out = new int[n];
        if (mode == ColorMode.DIFF && index.isDifferential()) {
            double rootTotal = Math.max(1, index.total(0));
            double rootBaseline = Math.max(1, index.baseline(0));
            double[] delta = new double[n];
            double max = 0;
            for (int i = 1; i < n; i++) {
                delta[i] = index.total(i) / rootTotal - Math.max(0, index.baseline(i)) / rootBaseline;
                max = Math.max(max, Math.abs(delta[i]));
            }
            for (int i = 0; i < n; i++) {
                out[i] = diff(delta[i], max);
            }
            return out;
        }
        Map<String, Integer> packages = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String label = index.label(i);
            out[i] = mode == ColorMode.PACKAGE
                    ? packages.computeIfAbsent(packageOf(label, index.kind(i)), FlamePalette::packageColor)
                    : kind(index.kind(i), label);
        }
        return out;
    }

    /** The colour for a frame kind, wobbled by the label's hash. */
    public static int kind(FrameKind kind, String label) {
        int h = mix(label.hashCode());
        double jitter = ((h & 0xff) / 255.0 - 0.5);   // -0.5..0.5
        return switch (kind) {
            case JIT_COMPILED -> hsb(116 + 14 * jitter, 0.50 + 0.22 * jitter, 0.80 + 0.06 * jitter);
            case INTERPRETED -> hsb(78 + 10 * jitter, 0.38 + 0.14 * jitter, 0.86);
            case INLINED -> hsb(182 + 10 * jitter, 0.50 + 0.20 * jitter, 0.82 + 0.06 * jitter);
            case NATIVE -> hsb(52 + 8 * jitter, 0.62 + 0.18 * jitter, 0.88);
            case KERNEL -> hsb(28 + 8 * jitter, 0.66 + 0.16 * jitter, 0.92);
            case ALLOCATED_CLASS -> hsb(208 + 10 * jitter, 0.42 + 0.16 * jitter, 0.92);
            case UNKNOWN -> hsb(0, 0, 0.74 + 0.08 * jitter);
        };
    }

    /** The colour of a package: hue from a stable hash, so the same package looks the same everywhere. */
    public static int packageColor(String pkg) {
        int h = mix(pkg.hashCode());
        double hue = (h >>> 8) % 360;
        double sat = 0.38 + ((h & 0x0f) / 15.0) * 0.2;
        return hsb(hue, sat, 0.88);
    }

    /**
     * The Java package of a frame label: {@code java.util.HashMap.resize} gives {@code java.util};
     * a signature in parentheses is ignored; labels with fewer than two dots (native symbols, lambda
     * names) are their own package.
     */
    public static String packageOf(String label, FrameKind kind) {
        if (kind == FrameKind.ALLOCATED_CLASS) {
            // A class name, not a method: its package is everything before the last dot.
            int dot = label.lastIndexOf('.');
            return dot <= 0 ? label : label.substring(0, dot);
        }
        return packageOf(label);
    }

    /** As {@link #packageOf(String, FrameKind)} for a method frame. */
    public static String packageOf(String label) {
        int paren = label.indexOf('(');
        String s = paren >= 0 ? label.substring(0, paren) : label;
        s = s.replace('/', '.');
        int method = s.lastIndexOf('.');
        if (method <= 0) {
            return s;
        }
        int cls = s.lastIndexOf('.', method - 1);
        return cls <= 0 ? s.substring(0, method) : s.substring(0, cls);
    }

    /**
     * Differential colour for a change in share of the whole ({@code delta}, -1..1) against the
     * largest change in the tree ({@code maxAbs}).
     */
    public static int diff(double delta, double maxAbs) {
        if (maxAbs <= 0 || Math.abs(delta) < 1e-4) {
            return UNCHANGED;
        }
        double intensity = Math.min(1, Math.abs(delta) / maxAbs);
        if (intensity < 0.03) {
            return UNCHANGED;
        }
        double sat = 0.15 + 0.70 * Math.sqrt(intensity);
        return delta > 0 ? hsb(2, sat, 0.95) : hsb(214, sat, 0.95);
    }

    /** Black or white, whichever reads better on the fill. */
    public static int textOn(int rgb) {
        double r = ((rgb >> 16) & 0xff) / 255.0;
        double g = ((rgb >> 8) & 0xff) / 255.0;
        double b = (rgb & 0xff) / 255.0;
        double lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return lum > 0.45 ? 0x111111 : 0xffffff;
    }

    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }

    static int hsb(double hue, double sat, double bri) {
        hue = ((hue % 360) + 360) % 360;
        sat = Math.max(0, Math.min(1, sat));
        double c = bri * sat;
        double x = c * (1 - Math.abs((hue / 60) % 2 - 1));
        double m = bri - c;
        double r;
        double g;
        double b;
        int sector = (int) (hue / 60);
        switch (sector) {
            case 0 -> { r = c; g = x; b = 0; }
            case 1 -> { r = x; g = c; b = 0; }
            case 2 -> { r = 0; g = c; b = x; }
            case 3 -> { r = 0; g = x; b = c; }
            case 4 -> { r = x; g = 0; b = c; }
            default -> { r = c; g = 0; b = x; }
        }
        return ((int) Math.round((r + m) * 255) << 16) | ((int) Math.round((g + m) * 255) << 8) | (int) Math.round((b + m) * 255);
    }

    /** Spreads String.hashCode (stable by specification) so similar names land far apart. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h ^= h >>> 15;
        h *= 0x846ca68b;
        h ^= h >>> 16;
        return h & 0x7fffffff;
    }
}
