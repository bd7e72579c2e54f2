package dev.inquest.investigation.export;

import dev.inquest.format.Units;
import dev.inquest.investigation.model.Figure;
import dev.inquest.investigation.model.FigureUnit;

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
            case FigureUnit.Known.BYTES -> Units.bytes(f.value());
            case FigureUnit.Known.BYTES_DELTA -> Units.bytesDelta(f.value());
            case FigureUnit.Known.PERCENT -> Units.percentOfHundred(f.value());
            case FigureUnit.Known.COUNT, FigureUnit.Known.NONE -> Units.grouped(f.value());
            case FigureUnit.Known.COUNT_DELTA -> (f.value() > 0 ? "+" : "") + Units.grouped(f.value());
            case FigureUnit.Known.MILLISECONDS, FigureUnit.Known.SECONDS -> Units.grouped(f.value()) + " " + f.unit().word();
            case FigureUnit.Other other -> Units.grouped(f.value()) + " " + other.word();
        };
    }

    /** "retained 212 MB". */
    public static String named(Figure f) {
        return f.name() + " " + value(f);
    }
}
