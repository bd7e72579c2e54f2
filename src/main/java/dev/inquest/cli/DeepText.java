package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.PathStep;
import java.io.PrintWriter;
import java.util.List;

/**
 * Text of reference chains that may be millions of steps long (issue 17): indentation that stops
 * growing, and the middle of a very long path left out, so the output of one path stays bounded
 * (a 2,000,000-step chain indented a step per hop was 6.4 GB of text).
 */
final class DeepText {
    /** Levels indented two spaces each; deeper lines show their depth as a number instead. */
    static final int MAX_INDENT = 32;
    /** Steps shown at each end of a path longer than {@code HEAD + TAIL}: its object's side and its GC root's side. */
    static final int HEAD = 50;
    static final int TAIL = 50;

    private DeepText() {
    }

    /** Two spaces per level up to {@link #MAX_INDENT}, then {@code [depth N]}: the line's width no longer grows with its depth. */
    static String indent(int level) {
        if (level <= MAX_INDENT) {
            return "  ".repeat(level);
        }
        return "  ".repeat(MAX_INDENT) + "[depth " + Units.count(level) + "] ";
    }

    /**
     * A path from an object to its GC root, a step per line: every step of a short path; of a long
     * one the first {@link #HEAD} and the last {@link #TAIL}, with a line saying how many are left
     * out between them (the JSON output has them all).
     */
    static void path(PrintWriter o, String prefix, List<PathStep> p) {
        int n = p.size();
        boolean elide = n > HEAD + TAIL;
        for (int k = 0; k < n; k++) {
            if (elide && k == HEAD) {
                o.println(prefix + indent(k) + "... " + Units.count(n - HEAD - TAIL) + " steps left out (--json lists every step) ...");
                k = n - TAIL;
            }
            PathStep s = p.get(k);
            String via = s.field() == null ? "" : s.field() + " in ";
            String root = s.rootKinds() == null ? "" : "  [GC root: " + s.rootKinds() + "]";
            o.println(prefix + indent(k) + (k == 0 ? "" : "<- ") + via + s.className() + " @ " + HeapVerb.hex(s.address()) + root);
        }
    }
}
