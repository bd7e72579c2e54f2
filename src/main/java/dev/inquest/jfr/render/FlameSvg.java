package dev.inquest.jfr.render;

import dev.inquest.format.Units;
import dev.inquest.format.Xml;
import java.util.Locale;

/**
 * The one SVG writer for flame graphs: the window's export and the command line's {@code --svg}
 * and {@code --html} all come from here, so the same tree and options give the same file. It
 * writes what a flame graph shows (its zoom, orientation, colours and search highlight) as one
 * self-contained SVG: no scripts, no external fonts or styles, a {@code <title>} per frame so
 * viewers show the weights on hover. All rows are written, not only the ones scrolled into view.
 * An optional {@link Heading} puts a title, a subtitle and a legend above the frames.
 */
public final class FlameSvg {
    static final double FONT_SIZE = 12;
    /** Average advance of a 12 px sans-serif character; labels are cut to it. */
    static final double CHAR_WIDTH = 7.0;
    /** Height of the heading block above the frames, when there is one. */
    static final double HEADING_HEIGHT = 40;
    /** Frames kept on their own in the HTML page, in pixels of the unzoomed view (zoom reveals them). */
    static final double HTML_MIN_PX = 0.02;

    /**
     * Text above the frames: what the graph shows (title), its totals (subtitle) and what the colours
     * mean (legend, right-aligned); any may be empty.
     */
    public record Heading(String title, String subtitle, String legend) {
        public Heading {
            title = title == null ? "" : title;
            subtitle = subtitle == null ? "" : subtitle;
            legend = legend == null ? "" : legend;
        }
    }

    private FlameSvg() {
    }

    /** The view as SVG, without a heading. */
    public static String write(FlameIndex index, FlameLayout view, int[] colors, FlameSearch search, WeightUnit unit) {
        return write(index, view, colors, search, unit, null);
    }

    /** The view as SVG, with a heading above the frames when {@code heading} is not null. */
    public static String write(FlameIndex index, FlameLayout view, int[] colors, FlameSearch search, WeightUnit unit,
                               Heading heading) {
        return write(index, view, colors, search, unit, heading, false);
    }

    /**
     * The view as SVG. {@code interactive} (for the HTML page) marks each frame's group with its
     * position as fractions of the view ({@code data-x}, {@code data-w}), its depth and its name, keeps
     * frames down to {@link #HTML_MIN_PX}, and always writes a text element the page's script fills.
     */
    static String write(FlameIndex index, FlameLayout view, int[] colors, FlameSearch search, WeightUnit unit,
                        Heading heading, boolean interactive) {
        FlameLayout all = view.withScrollY(0).withSize(view.width(), Math.max(view.rowHeight(), view.contentHeight(index)));
        double top = heading == null ? 0 : HEADING_HEIGHT;
        StringBuilder out = new StringBuilder(1 << 16);
        out.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                        + "font-family=\"Verdana, DejaVu Sans, sans-serif\" font-size=\"%.0f\">\n",
                all.width(), all.height() + top, all.width(), all.height() + top, FONT_SIZE));
        if (index.count() > 0) {
            out.append("<title>").append(Xml.escape(index.label(0) + ": " + unit.format(index.total(0)))).append("</title>\n");
        }
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (heading != null) {
            out.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"17\" font-size=\"15\" font-weight=\"bold\" fill=\"#111111\">%s</text>\n",
                    LabelFit.PAD, Xml.escape(heading.title())));
            out.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"33\" fill=\"#555555\">%s</text>\n",
                    LabelFit.PAD, Xml.escape(heading.subtitle())));
            out.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"33\" fill=\"#555555\" text-anchor=\"end\">%s</text>\n",
                    all.width() - LabelFit.PAD, Xml.escape(heading.legend())));
            out.append(String.format(Locale.ROOT, "<g transform=\"translate(0,%.0f)\">\n", top));
        }
        long rootTotal = index.count() == 0 ? 1 : Math.max(1, index.total(0));
        double range = all.viewEnd() - all.viewStart();
        all.layout(index, new FlameLayout.Sink() {
            @Override
            public void frame(int i, double x, double y, double w, double h) {
                int fill = search.isActive() && search.matched()[i] ? FlamePalette.MATCH : colors[i];
                if (interactive) {
                    out.append(String.format(Locale.ROOT, "<g class=\"f\" data-x=\"%.9f\" data-w=\"%.9f\" data-d=\"%d\" data-n=\"%s\">",
                            (index.start(i) - all.viewStart()) / range, index.total(i) / range, index.depth(i),
                            Xml.escape(index.label(i))));
                } else {
                    out.append("<g>");
                }
                out.append("<title>").append(Xml.escape(describe(index, i, unit, rootTotal))).append("</title>");
                out.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" rx=\"2\" fill=\"%s\"/>",
                        x + 0.5, y + 0.5, Math.max(0.5, w - 1), h - 1, FlamePalette.hex(fill)));
                String text = LabelFit.fit(index.label(i), index.kind(i), w, CHAR_WIDTH);
                if (text != null || interactive) {
                    out.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" fill=\"%s\">",
                            x + LabelFit.PAD, y + h - (h - FONT_SIZE) / 2 - 2.5, FlamePalette.hex(FlamePalette.textOn(fill))));
                    out.append(text == null ? "" : Xml.escape(text)).append("</text>");
                }
                out.append("</g>\n");
            }

            @Override
            public void sliver(double x, double y, double w, double h) {
                out.append(String.format(Locale.ROOT, "<rect%s x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>\n",
                        interactive ? " class=\"s\"" : "", x, y + 0.5, w, h - 1, FlamePalette.hex(FlamePalette.SLIVER)));
            }
        }, interactive ? HTML_MIN_PX : FlameLayout.MIN_PX);
        if (heading != null) {
            out.append("</g>\n");
        }
        out.append("</svg>\n");
        return out.toString();
    }

    /** The hover text of a frame: label, kind, total and self with their shares. */
    static String describe(FlameIndex index, int i, WeightUnit unit, long rootTotal) {
        StringBuilder s = new StringBuilder(index.label(i));
        if (index.kind(i) != FrameKind.UNKNOWN) {
            s.append(" [").append(index.kind(i).label()).append(']');
        }
        s.append("\ntotal ").append(unit.format(index.total(i)))
                .append(" (").append(Units.percentPrecise((double) index.total(i) / rootTotal)).append(" of all");
        int p = index.parent(i);
        if (p >= 0 && index.total(p) > 0) {
            s.append(", ").append(Units.percentPrecise((double) index.total(i) / index.total(p))).append(" of parent");
        }
        s.append(")\nself ").append(unit.format(index.self(i)));
        if (index.baseline(i) != FlameNode.NO_BASELINE) {
            s.append('\n').append(FrameInfo.of(index, i).baselineText(unit));
        }
        return s.toString();
    }
}
