package dev.inquest.jfr.render;

import dev.inquest.format.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * A frame as shown (in the current, possibly transformed tree), for hover, selection and zoom
 * listeners: its node, weights, shares and the stack from the root down to it.
 *
 * @param shareOfRoot   total / root total, 0..1
 * @param shareOfParent total / parent total, 0..1 (1 for the root)
 * @param baselineShare baseline / root baseline, NaN for plain (non-differential) trees
 * @param stack         labels from the root's first child down to this frame (empty for the root)
 */
public record FrameInfo(FlameNode node, String label, FrameKind kind, long total, long self, long baseline,
                        double shareOfRoot, double shareOfParent, double baselineShare, int depth, List<String> stack) {

    public static FrameInfo of(FlameIndex index, int i) {
        long root = Math.max(1, index.total(0));
        int p = index.parent(i);
        double ofParent = p < 0 || index.total(p) == 0 ? 1 : (double) index.total(i) / index.total(p);
        List<String> stack = new ArrayList<>();
        int[] path = index.pathTo(i);
        for (int k = 1; k < path.length; k++) {
            stack.add(index.label(path[k]));
        }
        double baselineShare = index.baseline(i) == FlameNode.NO_BASELINE ? Double.NaN
                : (double) Math.max(0, index.baseline(i)) / Math.max(1, index.baseline(0));
        return new FrameInfo(index.node(i), index.label(i), index.kind(i), index.total(i), index.self(i),
                index.baseline(i), (double) index.total(i) / root, ofParent, baselineShare, index.depth(i), List.copyOf(stack));
    }

    /** One line for a status bar: label, kind, total and self with their shares. */
    public String describe(WeightUnit unit) {
        StringBuilder s = new StringBuilder(label);
        if (kind != FrameKind.UNKNOWN) {
            s.append("  [").append(kind.label()).append(']');
        }
        s.append("   total ").append(unit.format(total)).append(" (").append(Units.percentPrecise(shareOfRoot)).append(" of all, ")
                .append(Units.percentPrecise(shareOfParent)).append(" of parent)   self ").append(unit.format(self));
        if (baseline != FlameNode.NO_BASELINE) {
            s.append("   ").append(baselineText(unit));
        }
        return s.toString();
    }

    /**
     * "baseline 100 samples (10.00 % of all, +20.00 points)": the status line and the SVG tooltip
     * say it alike. Shares, not raw weights, are what compare across profiles of different lengths.
     */
    String baselineText(WeightUnit unit) {
        double change = (shareOfRoot - baselineShare) * 100;
        return "baseline " + unit.format(baseline) + " (" + Units.percentPrecise(baselineShare) + " of all, "
                + String.format(java.util.Locale.US, "%+.2f", change) + " points)";
    }
}
