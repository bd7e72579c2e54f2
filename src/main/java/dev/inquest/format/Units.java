package dev.inquest.format;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How Inquest writes numbers for people: counts with thousands separators, byte sizes in binary
 * multiples written KB, MB, GB (what the JVM's own flags mean: {@code -Xmx2g}, and what heap tools
 * print, so "212 MB" here reads like "-Xmx212m"), and shares as percent. One place, so the window,
 * the command line and the Markdown exports quote the same figure the same way.
 */
public final class Units {
    private static final String[] SIZE_UNITS = {"KB", "MB", "GB", "TB", "PB"};

    private Units() {
    }

    /** 1234567 -> "1,234,567". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 1536 -> "1.5 KB", 222298112 -> "212 MB", 1000 -> "1,000 bytes": one decimal below 100 of a unit. */
    public static String bytes(double n) {
        if (Math.abs(n) < 1024) {
            return grouped(n) + " bytes";
        }
        double v = n;
        int unit = -1;
        while (Math.abs(v) >= 1024 && unit < SIZE_UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return (Math.abs(v) < 100 ? oneDecimal(v) : grouped(Math.round(v))) + " " + SIZE_UNITS[unit];
    }

    /** Signed byte delta: "+12.0 MB", "-640 bytes", "0 bytes". */
    public static String bytesDelta(double n) {
        return (n > 0 ? "+" : "") + bytes(n);
    }

    /** Signed count delta: "+1,204", "-3", "0". */
    public static String countDelta(long n) {
        return n > 0 ? "+" + count(n) : count(n);
    }

    /** 0.6412 -> "64.1%"; tiny non-zero shares keep two decimals so they do not read as zero. */
    public static String percent(double fraction) {
        double p = fraction * 100;
        if (p != 0 && Math.abs(p) < 0.1) {
            return String.format(Locale.ROOT, "%.2f%%", p);
        }
        return oneDecimal(p) + "%";
    }

    /**
     * 0.124 -> "12.40 %": two decimals, for flame graph shares, where neighbouring frames differ by
     * hundredths of a percent.
     */
    public static String percentPrecise(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    /**
     * A value already in percent, as case figures store it: 41.27 -> "41.3%". The same text as
     * {@link #percent} gives for the fraction 0.4127.
     */
    public static String percentOfHundred(double percent) {
        return percent(percent / 100);
    }

    /** A duration in nanoseconds: "640 ns", "2.5 \u00b5s", "2.5 ms", "1,204.50 s". */
    public static String duration(long ns) {
        long abs = Math.abs(ns);
        if (abs < 1_000) {
            return ns + " ns";
        } else if (abs < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f \u00b5s", ns / 1e3);
        } else if (abs < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%,.2f s", ns / 1e9);
    }

    /**
     * A gap between two moments, for sentences (how long after a recording a dump was taken):
     * "0 ms", "350 ms", "2.4 s", "3 min 5 s", "2 h 10 min", "3 d 4 h". The sign is dropped: the
     * sentence says before or after.
     */
    public static String elapsed(long millis) {
        long ms = Math.abs(millis);
        if (ms < 1_000) {
            return ms + " ms";
        } else if (ms < 60_000) {
            return oneDecimal(ms / 1e3) + " s";
        }
        long s = ms / 1_000;
        if (s < 3_600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        } else if (s < 86_400) {
            return s / 3_600 + " h" + (s % 3_600 / 60 == 0 ? "" : " " + s % 3_600 / 60 + " min");
        }
        return count(s / 86_400) + " d" + (s % 86_400 / 3_600 == 0 ? "" : " " + s % 86_400 / 3_600 + " h");
    }

    /** A wait as people say it, whole seconds: "0 s", "42 s", "3 min 05 s", "1 h 02 min". */
    public static String waitTime(long millis) {
        long s = Math.max(0, Math.round(millis / 1000.0));
        if (s < 60) {
            return s + " s";
        } else if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }

    /** Exact bytes with separators, for tables where a reader compares with MAT: "28,032". */
    public static String exactBytes(long n) {
        return count(n);
    }

    /** A number with thousands separators and at most two decimals: "1,250", "3.14". */
    public static String grouped(double value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String oneDecimal(double v) {
        return new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }
}
