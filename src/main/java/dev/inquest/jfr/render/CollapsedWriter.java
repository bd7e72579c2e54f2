package dev.inquest.jfr.render;

import dev.inquest.jfr.diff.DiffNode;
import dev.inquest.jfr.diff.DiffTree;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The folded format flamegraph.pl, speedscope and async-profiler read: one line per distinct
 * stack, {@code root;child;leaf VALUE}, root first (the synthetic "all" root is left out).
 */
public final class CollapsedWriter {
    private CollapsedWriter() {
    }

    // Iterative, as every walk of a stack tree: stacks can be thousands of frames deep. Each step
    // holds a node and the line's length before it (its parent's path), so the lines come out in
    // the same depth-first order as a recursive walk.
    private record Step<N>(N node, int mark) {
    }

    public static void write(StackTree tree, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(4096);
        java.util.ArrayDeque<Step<StackNode>> todo = new java.util.ArrayDeque<>();
        pushReversed(todo, tree.root().children(), 0);
        while (!todo.isEmpty()) {
            Step<StackNode> s = todo.pop();
            StackNode n = s.node();
            line.setLength(s.mark());
            if (s.mark() > 0) {
                line.append(';');
            }
            line.append(clean(n.name()));
            if (n.self() > 0) {
                int end = line.length();
                line.append(' ').append(n.self()).append('\n');
                out.append(line);
                line.setLength(end);
            }
            pushReversed(todo, n.children(), line.length());
        }
        out.flush();
    }

    private static <N> void pushReversed(java.util.ArrayDeque<Step<N>> todo, List<N> children, int mark) {
        for (int i = children.size() - 1; i >= 0; i--) {
            todo.push(new Step<>(children.get(i), mark));
        }
    }

    /**
     * Differential folded format (as flamegraph's difffolded.pl writes it): {@code stack BASELINE AFTER},
     * raw self weights of each side, so any tool can normalise as it likes.
     */
    public static void write(DiffTree tree, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(4096);
        java.util.ArrayDeque<Step<DiffNode>> todo = new java.util.ArrayDeque<>();
        pushReversed(todo, tree.root().children(), 0);
        while (!todo.isEmpty()) {
            Step<DiffNode> s = todo.pop();
            DiffNode n = s.node();
            line.setLength(s.mark());
            if (s.mark() > 0) {
                line.append(';');
            }
            line.append(clean(n.name()));
            if (n.baselineSelf() > 0 || n.afterSelf() > 0) {
                out.append(line).append(' ').append(Long.toString(n.baselineSelf())).append(' ')
                        .append(Long.toString(n.afterSelf())).append('\n');
            }
            pushReversed(todo, n.children(), line.length());
        }
        out.flush();
    }

    /** ';' separates frames and the last space separates the value: neither may occur in a name. */
    static String clean(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ';' || c == ' ' || c == '\n') {
                return name.replace(';', ':').replace(' ', '_').replace('\n', '_');
            }
        }
        return name;
    }
}
