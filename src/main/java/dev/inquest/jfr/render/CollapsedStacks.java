package dev.inquest.jfr.render;

import dev.inquest.input.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads and writes the "collapsed stacks" text every profiler can emit: one stack per line, frames
 * root first separated by {@code ;}, then a space and the weight ({@code main;work;parse 120}).
 * A second number makes it a differential line in flamegraph.pl's difffolded form:
 * {@code stack baseline current}. Frames may end in an async-profiler annotation ({@code _[j]},
 * {@code _[i]}, {@code _[k]}, {@code _[0]}, plus {@code _[n]} native and {@code _[a]} allocated class)
 * that sets their {@link FrameKind}; without one the kind is {@link FrameKind#UNKNOWN}.
 */
public final class CollapsedStacks {
    /** Label of the synthetic frame every stack hangs from. */
    public static final String ROOT = "all";

    private CollapsedStacks() {
    }

    /** Parses text; a malformed line raises IllegalArgumentException naming its line number. */
    public static Frame parse(String text) {
        try {
            return parse(new BufferedReader(new StringReader(text)), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a collapsed-stacks file; a malformed line raises BadInputException at its byte offset. */
    public static Frame read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file);
        }
    }

    private static Frame parse(BufferedReader in, Path file) throws IOException {
        MutableFrame root = new MutableFrame(ROOT, FrameKind.UNKNOWN);
        String line;
        int lineNo = 0;
        long offset = 0;
        Boolean diff = null;
        while ((line = in.readLine()) != null) {
            lineNo++;
            long lineStart = offset;
            offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            try {
                int sp = s.lastIndexOf(' ');
                if (sp < 0) {
                    throw new IllegalArgumentException("no weight after the stack");
                }
                long current = weight(s.substring(sp + 1));
                String stack = s.substring(0, sp).stripTrailing();
                long baseline = FlameNode.NO_BASELINE;
                int sp2 = stack.lastIndexOf(' ');
                if (sp2 >= 0 && isNumber(stack.substring(sp2 + 1))) {
                    baseline = weight(stack.substring(sp2 + 1));
                    stack = stack.substring(0, sp2).stripTrailing();
                }
                if (diff == null) {
                    diff = baseline != FlameNode.NO_BASELINE;
                    root.hasBaseline = diff;
                } else if (diff != (baseline != FlameNode.NO_BASELINE)) {
                    throw new IllegalArgumentException("mixes differential (two weights) and plain (one weight) lines");
                }
                add(root, stack.isEmpty() ? new String[0] : stack.split(";"), current, baseline);
            } catch (IllegalArgumentException e) {
                if (file != null) {
                    throw new BadInputException(file, "line " + lineNo + ": " + e.getMessage(), lineStart);
                }
                throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return root.freeze();
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static long weight(String s) {
        if (!isNumber(s)) {
            throw new IllegalArgumentException("weight '" + s + "' is not a non-negative whole number");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("weight '" + s + "' is too large");
        }
    }

    private static void add(MutableFrame root, String[] frames, long weight, long baseline) {
        MutableFrame f = root;
        f.total += weight;
        f.addBaseline(baseline);
        for (String raw : frames) {
            FrameKind kind = FrameKind.UNKNOWN;
            String label = raw;
            if (raw.length() > 4 && raw.endsWith("]") && raw.charAt(raw.length() - 4) == '_' && raw.charAt(raw.length() - 3) == '[') {
                FrameKind k = FrameKind.ofSuffix(raw.charAt(raw.length() - 2));
                if (k != null) {
                    kind = k;
                    label = raw.substring(0, raw.length() - 4);
                }
            }
            if (label.isEmpty()) {
                throw new IllegalArgumentException("empty frame in stack");
            }
            f = f.child(label, kind);
            f.total += weight;
            f.addBaseline(baseline);
        }
        f.self += weight;
    }

    /**
     * Writes a tree back as collapsed stacks (without the synthetic root), one line per frame with
     * self weight, annotated with kind suffixes so {@link #parse} restores it.
     */
    public static String write(FlameNode root) {
        StringBuilder out = new StringBuilder();
        Deque<String> path = new ArrayDeque<>();
        // Iterative (stacks can be thousands deep), depth first in the children's order as before.
        record At(FlameNode node, int depth) {
        }
        Deque<At> todo = new ArrayDeque<>();
        List<? extends FlameNode> top = root.children();
        for (int i = top.size() - 1; i >= 0; i--) {
            todo.push(new At(top.get(i), 0));
        }
        while (!todo.isEmpty()) {
            At at = todo.pop();
            FlameNode n = at.node();
            while (path.size() > at.depth()) {
                path.removeLast();
            }
            path.addLast(n.kind() == FrameKind.UNKNOWN ? n.label() : n.label() + "_[" + n.kind().suffix() + "]");
            long childBaseline = 0;
            for (FlameNode c : n.children()) {
                childBaseline += Math.max(0, c.baseline());
            }
            long selfBaseline = n.baseline() == FlameNode.NO_BASELINE ? -1 : Math.max(0, n.baseline() - childBaseline);
            if (n.self() > 0 || selfBaseline > 0) {
                out.append(String.join(";", path));
                if (selfBaseline >= 0) {
                    out.append(' ').append(selfBaseline);
                }
                out.append(' ').append(n.self()).append('\n');
            }
            List<? extends FlameNode> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                todo.push(new At(kids.get(i), at.depth() + 1));
            }
        }
        return out.toString();
    }

    /** Convenience for tests and adapters: lines of "stack weight". */
    public static Frame of(String... lines) {
        return parse(String.join("\n", lines));
    }
}
