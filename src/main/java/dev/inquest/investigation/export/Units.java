package dev.inquest.investigation.export;

import dev.inquest.investigation.model.Figure;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as people write them in reports: thousands separators, units, one decimal where it
 * helps.
 *
 * <p>Sizes use binary multiples (1 KB = 1024 bytes) written KB, MB, GB: that is what the JVM's own
 * flags mean ({@code -Xmx2g}), what heap tools print, and how readers compare against their
 * settings, so "212 MB" here matches "-Xmx212m". One decimal below 100 of a unit, none above.
 */
public final class Units {
    private Units() {
    }

    private static final String[] SIZE_UNITS = {"KB", "MB", "GB", "TB", "PB"};

    public static String bytes(double bytes) {
        double abs = Math.abs(bytes);
        if (abs < 1024) {
            return grouped(bytes) + " bytes";
        }
        double v = bytes;
        int unit = -1;
        while (Math.abs(v) >= 1024 && unit < SIZE_UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return (Math.abs(v) < 100 ? oneDecimal(v) : grouped(Math.round(v))) + " " + SIZE_UNITS[unit];
    }

    /** Signed, for deltas: "+12.5 MB", "-3 bytes". */
    public static String bytesDelta(double bytes) {
        return (bytes > 0 ? "+" : "") + bytes(bytes);
    }

    public static String grouped(double value) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(value);
    }

    public static String percent(double percent) {
        return oneDecimal(percent) + "%";
    }

    private static String oneDecimal(double v) {
        DecimalFormat f = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
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
