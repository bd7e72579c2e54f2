package dev.inquest.investigation.export;

import dev.inquest.investigation.model.Figure;

/**
 * Figures as reports print them. The number formats themselves are {@link dev.inquest.format.Units},
 * shared with the window and the command line; this class adds what a pinned {@link Figure} needs.
 */
public final class Units {
    private Units() {
    }

    public static String bytes(double bytes) {
        return dev.inquest.format.Units.bytes(bytes);
    }

    /** Signed, for deltas: "+12.5 MB", "-3 bytes". */
    public static String bytesDelta(double bytes) {
        return dev.inquest.format.Units.bytesDelta(bytes);
    }

    public static String grouped(double value) {
        return dev.inquest.format.Units.grouped(value);
    }

    /** Takes a percent value (41.27), not a fraction. */
    public static String percent(double percent) {
        return dev.inquest.format.Units.percent(percent / 100);
    }

    /** A figure's value with its unit: "212 MB", "41.3%", "1,048,576", "1,250 ms". */
    public static String value(Figure f) {
        return switch (f.unit()) {
            case "bytes" -> bytes(f.value());
            case "bytesDelta" -> bytesDelta(f.value());
            case "percent" -> percent(f.value());
            case "count", "" -> grouped(f.value());
            case "countDelta" -> (f.value() > 0 ? "+" : "") + grouped(f.value());
            default -> grouped(f.value()) + " " + f.unit();
        };
    }

    /** "retained 212 MB". */
    public static String named(Figure f) {
        return f.name() + " " + value(f);
    }
}
