package dev.inquest.investigation.export;

import dev.inquest.format.Units;
import dev.inquest.format.Xml;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.Figure;
import dev.inquest.investigation.model.FigureUnit;
import java.util.List;
import java.util.Locale;

/**
 * Self-contained SVG figures drawn from the numbers frozen in evidence, so a report shows the
 * heap trend and the flame-graph frame it cites even after the recording is gone. No scripts,
 * no external fonts or styles: wikis render them as plain images.
 */
public final class SvgFigures {
    private SvgFigures() {
    }

    private static final int W = 640;
    private static final int H = 300;

    /** A line chart of a heapTrend evidence: its figures are the points, in time order. */
    public static String heapTrend(Evidence e) {
        List<Figure> pts = e.figures();
        int left = 80;
        int right = 36;
        int top = 40;
        int bottom = 50;
        double max = pts.stream().mapToDouble(Figure::value).max().orElse(1);
        double yMax = niceCeiling(max <= 0 ? 1 : max * 1.05);
        int plotW = W - left - right;
        int plotH = H - top - bottom;
        StringBuilder sb = header("Heap over time: " + e.summary());
        sb.append(text(W / 2.0, 22, "middle", 15, "bold", stripMd(e.summary())));
        for (int i = 0; i <= 4; i++) {
            double v = yMax * i / 4;
            double y = top + plotH - plotH * (v / yMax);
            sb.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>%n", left, y, W - right, y));
            sb.append(text(left - 6, y + 4, "end", 11, "normal", label(v, pts)));
        }
        StringBuilder poly = new StringBuilder();
        int n = pts.size();
        for (int i = 0; i < n; i++) {
            double x = left + (n == 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
            double y = top + plotH - plotH * (pts.get(i).value() / yMax);
            poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#1f6feb\"><title>%s</title></circle>%n",
                    x, y, Xml.escape(pts.get(i).name() + ": " + FigureText.value(pts.get(i)))));
            sb.append(text(x, H - bottom + 18, "middle", 11, "normal", pts.get(i).name()));
        }
        sb.append("<polyline fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"2\" points=\"")
                .append(poly.toString().strip()).append("\"/>\n");
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555555\"/>%n",
                left, top + plotH, W - right, top + plotH));
        return sb.append("</svg>\n").toString();
    }

    /**
     * One flame-graph stack: root at the bottom, the pinned frame on top, each bar as wide as the
     * share of samples this path carries (a frame's own share is at least that; the rest of the
     * width is "other stacks").
     */
    public static String flameFrame(Evidence e) {
        List<String> stack = e.path().isEmpty() ? List.of(stripMd(e.summary())) : e.path();
        double share = e.figure("share").map(Figure::value).orElse(100.0);
        int row = 22;
        int top = 50;
        int height = top + row * stack.size() + 30;
        int left = 10;
        int plotW = W - 2 * left;
        StringBuilder sb = header(height, "Flame graph frame: " + e.summary());
        sb.append(text(W / 2.0, 22, "middle", 15, "bold", stripMd(e.summary())));
        String of = e.kind() == dev.inquest.investigation.model.EvidenceKind.LOCK_FRAME
                ? (e.figure("blocked").isPresent() ? " of the blocked time" : " of the blocking events") : " of samples";
        sb.append(text(W / 2.0, 40, "middle", 12, "normal", Units.percentOfHundred(share) + of
                + e.figures().stream().filter(f -> !f.name().equals("share")).map(f -> ", " + FigureText.named(f))
                .reduce("", String::concat)));
        double width = plotW * Math.max(0, Math.min(100, share)) / 100.0;
        for (int i = 0; i < stack.size(); i++) {
            double y = top + row * (stack.size() - 1 - i);
            String fill = i == stack.size() - 1 ? "#e8590c" : FLAME[i % FLAME.length];
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"#ffffff\"><title>%s</title></rect>%n",
                    left, y, width, row - 2, fill, Xml.escape(stack.get(i))));
            if (width < plotW) {
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"#f1f3f5\"/>%n",
                        left + width, y, plotW - width, row - 2));
            }
            int chars = (int) Math.max(0, (width - 8) / 6.6);
            String name = stack.get(i);
            String shown = name.length() <= chars ? name : chars > 3 ? name.substring(0, chars - 1) + "…" : "";
            sb.append(text(left + 4, y + row - 8, "start", 11, "normal", shown));
        }
        sb.append(text(left, height - 10, "start", 11, "normal", "root at the bottom; grey = other stacks"));
        return sb.append("</svg>\n").toString();
    }

    private static final String[] FLAME = {"#f59f00", "#fab005", "#fcc419", "#ffa94d", "#ff922b"};

    private static StringBuilder header(String title) {
        return header(H, title);
    }

    private static StringBuilder header(int height, String title) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\">%n", W, height, W, height));
        sb.append("<title>").append(Xml.escape(stripMd(title))).append("</title>\n");
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", W, height));
        return sb;
    }

    private static String text(double x, double y, String anchor, int size, String weight, String s) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\" fill=\"#222222\">%s</text>%n",
                x, y, anchor, size, weight, Xml.escape(s));
    }

    private static String label(double v, List<Figure> pts) {
        FigureUnit unit = pts.isEmpty() ? FigureUnit.NONE : pts.get(0).unit();
        return FigureText.value(new Figure("", v, unit));
    }

    private static double niceCeiling(double v) {
        double mag = Math.pow(2, Math.ceil(Math.log(v) / Math.log(2)));
        // Powers of two in bytes give round MB/GB grid lines; halve when that overshoots a lot.
        return mag * 0.75 >= v ? mag * 0.75 : mag;
    }

    /** Figures are plain text: drop the backticks a summary uses for code identifiers. */
    static String stripMd(String s) {
        return s.replace("`", "").replace("**", "").strip();
    }
}
