package dev.inquest.investigation.export;

import dev.inquest.format.Markdown;
import dev.inquest.investigation.model.Evidence;
import java.util.stream.Collectors;

/** One-line renderings of evidence shared by both export shapes; the only place values are printed. */
final class EvidenceText {
    private EvidenceText() {
    }

    static String figures(Evidence e) {
        return e.figures().stream().map(f -> Markdown.safeLine(FigureText.named(f))).collect(Collectors.joining(", "));
    }

    /** "Supports: summary (retained 212 MB, percent 41.3%)". */
    static String line(Evidence e, boolean includeValues) {
        StringBuilder sb = new StringBuilder(e.stance().label()).append(": ").append(Markdown.safeLine(e.summary()));
        if (!e.figures().isEmpty()) {
            sb.append(" (").append(figures(e)).append(')');
        }
        sb.append(values(e, includeValues));
        return sb.toString();
    }

    /** The heap-read values, or a note that they were withheld. */
    static String values(Evidence e, boolean includeValues) {
        if (e.values().isEmpty()) {
            return "";
        }
        if (includeValues) {
            return "; values: " + e.values().stream().map(Markdown::code).collect(Collectors.joining(", "));
        }
        int n = e.values().size();
        return "; " + n + (n == 1 ? " value" : " values") + " read from the heap withheld";
    }
}
