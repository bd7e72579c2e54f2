package dev.inquest.investigation.export;

import dev.inquest.format.Units;
import dev.inquest.investigation.model.Figure;

/**
 * A pinned {@link Figure} as reports and the notebook print it. The numbers themselves go through
 * {@link Units}, like everywhere else; a figure stores a percent as 0-100, hence
 * {@link Units#percentOfHundred}.
 */
public final class FigureText {
    private FigureText() {
    }

    /** A figure's value with its unit: "212 MB", "41.3%", "1,048,576", "1,250 ms". */
    public static String value(Figure f) {
        return switch (f.unit()) {
            case "bytes" -> Units.bytes(f.value());
            case "bytesDelta" -> Units.bytesDelta(f.value());
            case "percent" -> Units.percentOfHundred(f.value());
            case "count", "" -> Units.grouped(f.value());
            case "countDelta" -> (f.value() > 0 ? "+" : "") + Units.grouped(f.value());
            default -> Units.grouped(f.value()) + " " + f.unit();
        };
    }

    /** "retained 212 MB". */
    public static String named(Figure f) {
        return f.name() + " " + value(f);
    }
}
