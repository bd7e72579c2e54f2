package dev.inquest.jfr.render;

import dev.inquest.jfr.diff.DiffTree;
import dev.inquest.jfr.stack.StackTree;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained SVG flame graph for wiki pages: inline styles only, one {@code <title>}
 * tooltip per frame, labels cut to fit, 1200 px wide so it stays readable at wiki width.
 */
public final class FlameGraphSvg {
    static final int WIDTH = 1200;
    static final int PAD = 10;
    static final int FRAME = 16;
    static final int HEADER = 44;
    static final double CHAR = 6.6;

    private FlameGraphSvg() {
    }

    public static void write(StackTree tree, String title, Writer out) throws IOException {
        String sub = String.format(Locale.ROOT, "%,d %s from %,d events (%s)%s", tree.total(), tree.weight().unit(),
                tree.events(), String.join(", ", tree.eventTypes()), tree.reversed() ? ", callers view" : "");
        write(FlameLayout.layout(tree, 0.3 / (WIDTH - 2 * PAD)), title, sub,
                "green JIT-compiled · cyan inlined · red interpreted · yellow native · blue allocated/monitor class", false, out);
    }

    public static void write(DiffTree tree, String title, Writer out) throws IOException {
        String sub = String.format(Locale.ROOT, "baseline %,d %s, after %,d %s; width = mean share of both",
                tree.baselineTotal(), tree.weight().unit(), tree.afterTotal(), tree.weight().unit());
        write(FlameLayout.layout(tree, 0.3 / (WIDTH - 2 * PAD)), title, sub,
                "red: larger share after · blue: smaller share after · white: unchanged", false, out);
    }

    static void write(List<FlameBox> boxes, String title, String subtitle, String legend, boolean interactive,
                      Writer out) throws IOException {
        int maxDepth = boxes.stream().mapToInt(FlameBox::depth).max().orElse(0);
        int height = HEADER + (maxDepth + 1) * FRAME + PAD;
        double aw = WIDTH - 2 * PAD;
        out.write(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"monospace\" font-size=\"11\">\n", WIDTH, height, WIDTH, height));
        out.write("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fbfbf8\"/>\n");
        out.write(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"14\" font-weight=\"bold\">%s</text>\n",
                PAD, xml(title)));
        out.write(String.format(Locale.ROOT, "<text x=\"%d\" y=\"32\" fill=\"#555\">%s</text>\n", PAD, xml(subtitle)));
        out.write(String.format(Locale.ROOT, "<text x=\"%d\" y=\"32\" fill=\"#555\" text-anchor=\"end\">%s</text>\n",
                WIDTH - PAD, xml(legend)));
        for (FlameBox b : boxes) {
            double x = PAD + b.x() * aw;
            double w = b.width() * aw;
            int y = height - PAD - (b.depth() + 1) * FRAME;
            if (interactive) {
                out.write(String.format(Locale.ROOT, "<g class=\"f\" data-x=\"%.9f\" data-w=\"%.9f\" data-d=\"%d\" data-n=\"%s\">",
                        b.x(), b.width(), b.depth(), xml(b.name())));
            } else {
                out.write("<g>");
            }
            out.write("<title>");
            out.write(xml(b.tooltip()));
            out.write("</title>");
            out.write(String.format(Locale.ROOT,
                    "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\" stroke=\"#fbfbf8\" stroke-width=\"0.5\"/>",
                    x, y, w, FRAME - 1, b.fill()));
            String label = label(b.name(), w);
            if (interactive || !label.isEmpty()) {
                out.write(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\">%s</text>", x + 3, y + FRAME - 4, xml(label)));
            }
            out.write("</g>\n");
        }
        out.write("</svg>\n");
        out.flush();
    }

    /** The name cut to the box width, with ".." when cut; empty when not even 3 characters fit. */
    static String label(String name, double widthPx) {
        int fit = (int) ((widthPx - 6) / CHAR);
        if (fit < 3) {
            return "";
        }
        return name.length() <= fit ? name : name.substring(0, fit - 2) + "..";
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        b.append('?');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
