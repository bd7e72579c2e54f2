package dev.inquest.jfr.render;

import dev.inquest.jfr.diff.DiffNode;
import dev.inquest.jfr.diff.DiffTree;
import dev.inquest.jfr.stack.FrameType;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Places tree nodes as boxes (shared by the SVG and HTML writers), skipping boxes too narrow to see. */
final class FlameLayout {
    private FlameLayout() {
    }

    static List<FlameBox> layout(StackTree tree, double minWidth) {
        List<FlameBox> out = new ArrayList<>();
        double total = Math.max(1, tree.total());
        place(tree.root(), 0, 0, total, tree.weight().unit(), minWidth, out);
        return out;
    }

    private static void place(StackNode n, double x, int depth, double total, String unit, double minWidth,
                              List<FlameBox> out) {
        double w = n.total() / total;
        if (w < minWidth && depth > 0) {
            return;
        }
        String tip = String.format(Locale.ROOT, "%s — %,d %s (%.2f %%)%s", n.name(), n.total(), unit, 100 * w,
                n.self() > 0 ? String.format(Locale.ROOT, ", self %,d", n.self()) : "")
                + (n.type() == FrameType.ROOT ? "" : " · " + typeLabel(n.type()));
        out.add(new FlameBox(x, w, depth, n.name(), colour(n.type(), n.name()), tip));
        double cx = x;
        for (StackNode c : n.children()) {
            place(c, cx, depth + 1, total, unit, minWidth, out);
            cx += c.total() / total;
        }
    }

    static List<FlameBox> layout(DiffTree tree, double minWidth) {
        List<FlameBox> out = new ArrayList<>();
        double maxDelta = Math.max(1e-9, maxAbsDelta(tree.root()));
        place(tree.root(), 0, 0, maxDelta, tree.weight().unit(), minWidth, out);
        return out;
    }

    private static double maxAbsDelta(DiffNode n) {
        double m = n.type() == FrameType.ROOT ? 0 : Math.abs(n.delta());
        for (DiffNode c : n.children()) {
            m = Math.max(m, maxAbsDelta(c));
        }
        return m;
    }

    /** Width is the mean of both shares, so frames that vanished or appeared are both visible. */
    private static void place(DiffNode n, double x, int depth, double maxDelta, String unit, double minWidth,
                              List<FlameBox> out) {
        double w = (n.baselineShare() + n.afterShare()) / 2;
        if (w < minWidth && depth > 0) {
            return;
        }
        String tip = String.format(Locale.ROOT, "%s — baseline %.2f %% (%,d %s) → after %.2f %% (%,d %s): %+.2f points",
                n.name(), 100 * n.baselineShare(), n.baselineTotal(), unit, 100 * n.afterShare(), n.afterTotal(), unit,
                100 * n.delta());
        out.add(new FlameBox(x, w, depth, n.name(), diffColour(n.delta() / maxDelta), tip));
        double cx = x;
        for (DiffNode c : n.children()) {
            place(c, cx, depth + 1, maxDelta, unit, minWidth, out);
            cx += (c.baselineShare() + c.afterShare()) / 2;
        }
    }

    static String typeLabel(FrameType t) {
        return switch (t) {
            case INTERPRETED -> "interpreted";
            case JIT_COMPILED -> "JIT compiled";
            case INLINED -> "inlined";
            case NATIVE -> "native";
            case CPP -> "C++ (JVM)";
            case KERNEL -> "kernel";
            case CLASS -> "class";
            case ROOT -> "root";
            case UNKNOWN -> "unknown";
        };
    }

    /** Hue by frame type (what a reader needs), lightness jittered by name so neighbours separate. */
    static String colour(FrameType t, String name) {
        int jitter = Math.floorMod(name.hashCode(), 12);
        return switch (t) {
            case JIT_COMPILED -> hsl(110, 55, 45 + jitter);
            case INLINED -> hsl(180, 55, 45 + jitter);
            case INTERPRETED -> hsl(5, 75, 58 + jitter);
            case NATIVE -> hsl(50, 75, 48 + jitter);
            case CPP -> hsl(38, 70, 52 + jitter);
            case KERNEL -> hsl(25, 85, 52 + jitter);
            case CLASS -> hsl(210, 65, 60 + jitter);
            case ROOT, UNKNOWN -> hsl(0, 0, 70 + jitter / 2);
        };
    }

    /** Red for growth, blue for shrinkage, white for no change; {@code scaled} in -1..1. */
    static String diffColour(double scaled) {
        double s = Math.max(-1, Math.min(1, scaled));
        int light = (int) Math.round(96 - 40 * Math.abs(s));
        return s >= 0 ? hsl(0, 80, light) : hsl(220, 80, light);
    }

    private static String hsl(int h, int s, int l) {
        return "hsl(" + h + "," + s + "%," + l + "%)";
    }
}
