package dev.inquest.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.Holdings;
import dev.inquest.heap.query.WhyAlive;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code inquest heap why DUMP --class NAME [--json]}: merged, grouped shortest paths of a class's
 * instances. The merged tree is as deep as the longest path (2,000,000 rows for a long linked
 * list), so both writers walk it with an explicit stack, never by recursion (issue 17).
 */
@Command(name = "why", mixinStandardHelpOptions = true,
        description = "Why are the instances of a class alive: their shortest strong paths from GC roots, merged and grouped.")
public final class HeapWhyCommand extends HeapVerb implements Callable<Integer> {
    /**
     * Rows nested in the JSON below each root at most: JSON readers refuse deeper documents
     * (Jackson and Python stop near 1,000 levels, and each row is two). A row at this level
     * with rows below says how many in {@code omittedRows}; {@code depth} tells the real depth.
     */
    static final int JSON_DEPTH = 100;

    @CommandLine.Option(names = "--class", required = true, paramLabel = "NAME", description = "Fully qualified class name.")
    String className;

    @CommandLine.Option(names = "--depth", paramLabel = "N", description = "Rows shown below each root in text output (default ${DEFAULT-VALUE}).")
    int depth = 30;

    @Override
    public Integer call() throws Exception {
        try (HeapDump d = open()) {
            WhyAlive.Result r = WhyAlive.forClass(d, className, Progress.NONE);
            if (json()) {
                writeJson(out(), r, d.truncated(), d.problems());
                return 0;
            }
            PrintWriter o = out();
            o.println(Units.count(r.instances()) + " " + r.className() + ": " + Units.count(r.withPath())
                    + " reached by strong references, " + Units.count(r.unreached()) + " only through weak/soft/phantom ones");
            HeapHoldersCommand.printHeldIn(o, r.holders());
            print(o, r.roots());
            o.flush();
            return 0;
        }
    }

    private record Row(WhyAlive.Group group, int level) {
    }

    /** The rows down to {@code --depth}, depth first with an explicit stack; a row whose children are cut says so. */
    private void print(PrintWriter o, List<WhyAlive.Group> roots) {
        Deque<Row> stack = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(new Row(roots.get(i), 0));
        }
        while (!stack.isEmpty()) {
            Row row = stack.pop();
            WhyAlive.Group g = row.group();
            String via = g.field() == null ? "" : g.field() + " -> ";
            String root = g.rootKinds() == null ? "" : "  [GC root: " + g.rootKinds() + "]";
            String many = g.nodes() > 1 ? Units.count(g.nodes()) + " x " : "";
            o.println("  " + DeepText.indent(row.level()) + via + many + g.className() + (g.nodes() == 1 ? " @ " + hex(g.exampleAddress()) : "")
                    + "  (" + Units.count(g.objects()) + " objects)" + root);
            List<WhyAlive.Group> kids = g.children();
            if (kids.isEmpty()) {
                continue;
            }
            if (row.level() >= depth) {
                o.println("  " + DeepText.indent(row.level() + 1) + "... " + Units.count(rowsBelow(g)) + " rows below (--depth N shows more)");
                continue;
            }
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(new Row(kids.get(i), row.level() + 1));
            }
        }
    }

    /**
     * The JSON answer, written a row at a time from an explicit stack (Jackson's serializer would
     * recurse once per row and stop at its nesting limit). Shape as before, with
     * {@code "depth"}, {@code "truncated"} and {@code "problems"} at the end, and
     * {@code "omittedRows"} on a row whose children are cut at {@link #JSON_DEPTH}.
     */
    static void writeJson(PrintWriter o, WhyAlive.Result r, boolean truncated, List<String> problems) throws IOException {
        try (JsonGenerator g = CliJson.generator(o)) {
            g.writeStartObject();
            g.writeStringField("class", r.className());
            g.writeNumberField("instances", r.instances());
            g.writeNumberField("withPath", r.withPath());
            g.writeNumberField("unreached", r.unreached());
            g.writeArrayFieldStart("roots");
            Deque<Iterator<WhyAlive.Group>> stack = new ArrayDeque<>();
            stack.push(r.roots().iterator());
            while (!stack.isEmpty()) {
                Iterator<WhyAlive.Group> siblings = stack.peek();
                if (!siblings.hasNext()) {
                    stack.pop();
                    g.writeEndArray(); // "children" of the row above, or "roots"
                    if (!stack.isEmpty()) {
                        g.writeEndObject();
                    }
                    continue;
                }
                WhyAlive.Group x = siblings.next();
                int level = stack.size() - 1;
                g.writeStartObject();
                g.writeStringField("class", x.className());
                g.writeStringField("field", x.field());
                g.writeNumberField("nodes", x.nodes());
                g.writeNumberField("objects", x.objects());
                g.writeNumberField("objectsShallow", x.objectsShallow());
                if (x.rootKinds() != null) {
                    g.writeStringField("root", x.rootKinds());
                }
                g.writeStringField("example", HeapVerb.hex(x.exampleAddress()));
                g.writeArrayFieldStart("children");
                if (x.children().isEmpty()) {
                    g.writeEndArray();
                    g.writeEndObject();
                } else if (level + 1 >= JSON_DEPTH) {
                    g.writeEndArray();
                    g.writeNumberField("omittedRows", rowsBelow(x));
                    g.writeEndObject();
                } else {
                    stack.push(x.children().iterator());
                }
            }
            g.writeNumberField("depth", depth(r.roots()));
            g.writeBooleanField("truncated", truncated);
            g.writeArrayFieldStart("problems");
            for (String p : problems) {
                g.writeString(p);
            }
            g.writeEndArray();
            writeHolders(g, r.holders());
            g.writeEndObject();
        }
        o.println();
        o.flush();
    }

    /** Issue 19: {@code "holders": [{"holder", "objects", "kind", "container": {address, class, retained}}]}. */
    static void writeHolders(JsonGenerator g, List<Holdings.Holding> holders) throws IOException {
        g.writeArrayFieldStart("holders");
        for (Holdings.Holding h : holders) {
            g.writeStartObject();
            g.writeStringField("holder", h.holder());
            g.writeNumberField("objects", h.objects());
            g.writeStringField("kind", h.kind() == null ? null : h.kind().label());
            g.writeObjectFieldStart("container");
            g.writeStringField("address", HeapVerb.hex(h.container().address()));
            g.writeStringField("class", h.container().className());
            g.writeNumberField("retained", h.container().retained());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Rows in the subtrees below {@code top}, counted with an explicit stack. */
    static long rowsBelow(WhyAlive.Group top) {
        long n = 0;
        Deque<WhyAlive.Group> stack = new ArrayDeque<>(top.children());
        while (!stack.isEmpty()) {
            WhyAlive.Group x = stack.pop();
            n++;
            stack.addAll(x.children());
        }
        return n;
    }

    /** Rows on the longest merged path (0 for none), with an explicit stack. */
    static int depth(List<WhyAlive.Group> roots) {
        int max = 0;
        Deque<Row> stack = new ArrayDeque<>();
        for (WhyAlive.Group x : roots) {
            stack.push(new Row(x, 1));
        }
        while (!stack.isEmpty()) {
            Row row = stack.pop();
            max = Math.max(max, row.level());
            for (WhyAlive.Group c : row.group().children()) {
                stack.push(new Row(c, row.level() + 1));
            }
        }
        return max;
    }
}
