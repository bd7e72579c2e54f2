package dev.inquest.format;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How Inquest writes numbers for people: counts with thousands separators, byte sizes in
 * decimal units ("212.3 MB", as MAT and most wikis quote them) and shares as percent. One place,
 * so the window, the command line and the Markdown exports quote the same figure the same way.
 */
public final class Units {
    private static final String[] BYTE_UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private Units() {
    }

    /** 1234567 -> "1,234,567". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 212345678 -> "212.3 MB"; below 1 KB exact bytes ("640 B"). */
    public static String bytes(long n) {
        if (n < 0) {
            return "-" + bytes(-n);
        }
        if (n < 1000) {
            return n + " B";
        }
        double v = n;
        int unit = 0;
        while (v >= 999.95 && unit < BYTE_UNITS.length - 1) {
            v /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, BYTE_UNITS[unit]);
    }

    /** Signed byte delta: "+12.0 MB", "-640 B", "0 B". */
    public static String bytesDelta(long n) {
        return n > 0 ? "+" + bytes(n) : bytes(n);
    }

    /** Signed count delta: "+1,204", "-3", "0". */
    public static String countDelta(long n) {
        return n > 0 ? "+" + count(n) : count(n);
    }

    /** 0.6412 -> "64.1 %"; tiny non-zero shares keep two decimals so they do not read as zero. */
    public static String percent(double fraction) {
        double p = fraction * 100;
        if (p != 0 && Math.abs(p) < 0.1) {
            return String.format(Locale.ROOT, "%.2f %%", p);
        }
        return String.format(Locale.ROOT, "%.1f %%", p);
    }

    /** Exact bytes with separators, for tables where a reader compares with MAT: "28,032". */
    public static String exactBytes(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
    }
}
