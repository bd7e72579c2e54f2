package dev.inquest.jfr.render;

import dev.inquest.jfr.diff.DiffTree;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * A recording's flame graph as a file, for wiki pages and the command line: the whole tree,
 * unzoomed, {@value #WIDTH} px wide with the window's default rows, under a heading that says what
 * it shows. It goes through {@link FlameSvg} with the same tree conversion as the window, so the
 * window's export of the same tree with the same options (width, rows, colours, heading) is the
 * same file to the byte.
 */
public final class FlameGraphSvg {
    /** Wide enough to stay readable at wiki width. */
    public static final int WIDTH = 1200;
    /** The window's default label font, in px. */
    public static final double FONT = 12;

    private FlameGraphSvg() {
    }

    public static void write(StackTree tree, String title, Writer out) throws IOException {
        out.write(svg(StackTreeFlame.of(tree), StackTreeFlame.unit(tree.weight()), ColorMode.KIND, heading(tree, title), false));
        out.flush();
    }

    public static void write(DiffTree tree, String title, Writer out) throws IOException {
        out.write(svg(new DiffFlame(tree.root()), StackTreeFlame.unit(tree.weight()), ColorMode.DIFF, heading(tree, title), false));
        out.flush();
    }

    /** The title of a recording's graph: "alloc — app.jfr", with the thread when only one is shown. */
    public static String title(EventKind kind, String fileName, String thread) {
        return kind.name().toLowerCase(Locale.ROOT) + " — " + fileName + (thread != null ? " — thread " + thread : "");
    }

    /** The title of a differential graph: "diff cpu — before.jfr → after.jfr". */
    public static String diffTitle(EventKind kind, String baselineName, String afterName) {
        return "diff " + kind.name().toLowerCase(Locale.ROOT) + " — " + baselineName + " → " + afterName;
    }

    /** The heading of a recording's graph: totals, events, and what the colours mean. */
    public static FlameSvg.Heading heading(StackTree tree, String title) {
        String sub = String.format(Locale.ROOT, "%,d %s from %,d events (%s)%s", tree.total(), tree.weight().unit(),
                tree.events(), String.join(", ", tree.eventTypes()), tree.reversed() ? ", callers view" : "");
        return new FlameSvg.Heading(title, sub,
                "green JIT compiled · aqua inlined · pale green interpreted · yellow native · orange kernel · blue allocated class");
    }

    /** The heading of a differential graph: both totals, and what widths and colours mean. */
    public static FlameSvg.Heading heading(DiffTree tree, String title) {
        String sub = String.format(Locale.ROOT, "baseline %,d %s, after %,d %s; width = after", tree.baselineTotal(),
                tree.weight().unit(), tree.afterTotal(), tree.weight().unit());
        return new FlameSvg.Heading(title, sub, "red: larger share after · blue: smaller share after · grey: unchanged");
    }

    /** The whole tree as the window would export it unzoomed at {@link #WIDTH} px with the default font. */
    static String svg(FlameNode source, WeightUnit unit, ColorMode mode, FlameSvg.Heading heading, boolean interactive) {
        // Frame.copyOf is the conversion the window's view transforms end in: same merges, same order.
        FlameIndex index = FlameIndex.of(Frame.copyOf(source));
        FlameLayout view = FlameLayout.whole(index, WIDTH, FlameLayout.rowHeight(FONT));
        return FlameSvg.write(index, view, FlamePalette.colors(index, mode), FlameSearch.none(index), unit, heading, interactive);
    }
}
