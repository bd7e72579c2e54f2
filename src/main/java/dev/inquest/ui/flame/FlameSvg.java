package dev.inquest.ui.flame;

import java.util.Locale;

/**
 * Writes what a flame graph shows (its current zoom, orientation and colours) as one self-contained
 * SVG: no scripts, no external fonts or styles, a {@code <title>} per frame so viewers show the
 * weights on hover. All rows are written, not only the ones scrolled into view.
 */
public final class FlameSvg {
    static final double FONT_SIZE = 12;
    /** Average advance of a 12 px sans-serif character; labels are cut to it. */
    static final double CHAR_WIDTH = 7.0;

    private FlameSvg() {
    }

    public static String write(FlameIndex index, FlameLayout view, int[] colors, FlameSearch search, WeightUnit unit) {
        FlameLayout all = view.withScrollY(0).withSize(view.width(), Math.max(view.rowHeight(), view.contentHeight(index)));
        StringBuilder out = new StringBuilder(1 << 16);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                        + "font-family=\"Verdana, DejaVu Sans, sans-serif\" font-size=\"%.0f\">\n",
                all.width(), all.height(), all.width(), all.height(), FONT_SIZE));
        if (index.count() > 0) {
            out.append("<title>").append(escape(index.label(0) + ": " + unit.format(index.total(0)))).append("</title>\n");
        }
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        long rootTotal = index.count() == 0 ? 1 : Math.max(1, index.total(0));
        all.layout(index, new FlameLayout.Sink() {
            @Override
            public void frame(int i, double x, double y, double w, double h) {
                int fill = search.isActive() && search.matched()[i] ? FlamePalette.MATCH : colors[i];
                out.append("<g><title>").append(escape(describe(index, i, unit, rootTotal))).append("</title>");
                out.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" rx=\"2\" fill=\"%s\"/>",
                        x + 0.5, y + 0.5, Math.max(0.5, w - 1), h - 1, FlamePalette.hex(fill)));
                String text = LabelFit.fit(index.label(i), index.kind(i), w, CHAR_WIDTH);
                if (text != null) {
                    out.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" fill=\"%s\">",
                            x + LabelFit.PAD, y + h - (h - FONT_SIZE) / 2 - 2.5, FlamePalette.hex(FlamePalette.textOn(fill))));
                    out.append(escape(text)).append("</text>");
                }
                out.append("</g>\n");
            }

            @Override
            public void sliver(double x, double y, double w, double h) {
                out.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>\n",
                        x, y + 0.5, w, h - 1, FlamePalette.hex(FlamePalette.SLIVER)));
            }
        });
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
                .append(" (").append(WeightUnit.percent((double) index.total(i) / rootTotal)).append(" of all");
        int p = index.parent(i);
        if (p >= 0 && index.total(p) > 0) {
            s.append(", ").append(WeightUnit.percent((double) index.total(i) / index.total(p))).append(" of parent");
        }
        s.append(")\nself ").append(unit.format(index.self(i)));
        if (index.baseline(i) != FlameNode.NO_BASELINE) {
            s.append("\nbaseline ").append(unit.format(index.baseline(i)));
        }
        return s.toString();
    }

    /** XML text and attribute escaping; drops the control characters XML 1.0 cannot carry. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
