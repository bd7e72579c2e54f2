package dev.inquest.jfr.render;

import dev.inquest.jfr.diff.DiffNode;
import dev.inquest.jfr.diff.DiffTree;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The folded format flamegraph.pl, speedscope and async-profiler read: one line per distinct
 * stack, {@code root;child;leaf VALUE}, root first (the synthetic "all" root is left out).
 */
public final class CollapsedWriter {
    private CollapsedWriter() {
    }

    public static void write(StackTree tree, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(4096);
        for (StackNode c : tree.root().children()) {
            write(c, line, out);
        }
        out.flush();
    }

    private static void write(StackNode n, StringBuilder line, Writer out) throws IOException {
        int mark = line.length();
        if (mark > 0) {
            line.append(';');
        }
        line.append(clean(n.name()));
        if (n.self() > 0) {
            int end = line.length();
            line.append(' ').append(n.self()).append('\n');
            out.append(line);
            line.setLength(end);
        }
        for (StackNode c : n.children()) {
            write(c, line, out);
        }
        line.setLength(mark);
    }

    /**
     * Differential folded format (as flamegraph's difffolded.pl writes it): {@code stack BASELINE AFTER},
     * raw self weights of each side, so any tool can normalise as it likes.
     */
    public static void write(DiffTree tree, Writer out) throws IOException {
        List<String> path = new ArrayList<>();
        for (DiffNode c : tree.root().children()) {
            write(c, path, out);
        }
        out.flush();
    }

    private static void write(DiffNode n, List<String> path, Writer out) throws IOException {
        path.add(clean(n.name()));
        if (n.baselineSelf() > 0 || n.afterSelf() > 0) {
            out.write(String.join(";", path));
            out.write(' ');
            out.write(Long.toString(n.baselineSelf()));
            out.write(' ');
            out.write(Long.toString(n.afterSelf()));
            out.write('\n');
        }
        for (DiffNode c : n.children()) {
            write(c, path, out);
        }
        path.removeLast();
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
