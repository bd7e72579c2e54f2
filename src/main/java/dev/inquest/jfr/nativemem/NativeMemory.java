package dev.inquest.jfr.nativemem;

import dev.inquest.format.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The process's memory beyond the Java heap over the recording: resident set size, committed heap
 * and heap after GC, metaspace, code cache, direct buffers and native memory tracking (NMT) per
 * category, each a {@link Series} of time points; and the {@link Gap} between the resident set and
 * the committed heap, with its growth over the recording. A series the recording lacks is absent
 * (with the reason), never a line of zeros.
 *
 * @param length      the recording's length, from its first chunk's start to its last one's end
 * @param series      every kind in {@link Kind} order, absent ones included; NMT categories after
 *                    {@link Kind#NMT_TOTAL}, largest last value first
 * @param gap         resident set minus committed heap, when both were recorded
 * @param directLimit the most direct-buffer memory the process may use ({@code -XX:MaxDirectMemorySize}), or -1 when not recorded
 * @param heapMax     the maximum heap, or -1 when not recorded
 */
public record NativeMemory(Duration length, List<Series> series, Gap gap, long directLimit, long heapMax) {
    /** Fewer points than this and a slope is noise. */
    public static final int MIN_POINTS_FOR_RATE = 3;
    /** Points spanning less than this and a per-minute rate extrapolates beyond what was observed. */
    public static final Duration MIN_SPAN_FOR_RATE = Duration.ofMinutes(1);

    /** Why NMT series are absent. */
    static final String NMT_ABSENT = "native memory tracking events are written only when the JVM runs with"
            + " -XX:NativeMemoryTracking=summary or detail, JDK 20 and later";

    public NativeMemory {
        series = List.copyOf(series);
    }

    /** What a series measures, from which event; the unit is bytes except for {@link #DIRECT_BUFFER_COUNT}. */
    public enum Kind {
        RSS("resident set size", "jdk.ResidentSetSize", "jdk.ResidentSetSize is written by JDK 21 and later, with the"
                + " default and profile settings"),
        HEAP_COMMITTED("heap committed", "jdk.GCHeapSummary", "the heap's size is written at each GC by"
                + " jdk.GCHeapSummary and at each chunk's start and end by jdk.GCHeapMemoryUsage"),
        HEAP_AFTER_GC("heap used after GC", "jdk.GCHeapSummary", "no GC was recorded: jdk.GCHeapSummary is written at"
                + " each GC"),
        METASPACE("metaspace committed", "jdk.MetaspaceSummary", "no GC was recorded: jdk.MetaspaceSummary is written"
                + " at each GC"),
        CODE_CACHE("code cache used", "jdk.CodeCacheStatistics", "jdk.CodeCacheStatistics is not in this recording;"
                + " the default settings write it at each chunk's start and end"),
        DIRECT_BUFFERS("direct buffers", "jdk.DirectBufferStatistics", "jdk.DirectBufferStatistics is not in this"
                + " recording; the default settings write it every 5 s"),
        DIRECT_BUFFER_COUNT("direct buffer count", "jdk.DirectBufferStatistics", "jdk.DirectBufferStatistics is not in"
                + " this recording; the default settings write it every 5 s"),
        NMT_TOTAL("NMT committed total", "jdk.NativeMemoryUsageTotal", NMT_ABSENT),
        NMT_CATEGORY("NMT committed", "jdk.NativeMemoryUsage", NMT_ABSENT),
        GAP("resident set minus committed heap", "jdk.ResidentSetSize", "needs both the resident set size and the"
                + " committed heap");

        private final String label;
        private final String event;
        private final String absence;

        Kind(String label, String event, String absence) {
            this.label = label;
            this.event = event;
            this.absence = absence;
        }

        /** The series' name as the faces show it ("resident set size"). */
        public String label() {
            return label;
        }

        /** The event type it is read from (the gap: the one of the pair that is sampled). */
        public String event() {
            return event;
        }

        /** Why a recording may lack it, as the faces say when it is absent. */
        public String absence() {
            return absence;
        }

        /** The kind's stable name in JSON ("rss", "heapCommitted", "nmtCategory"). */
        public String id() {
            StringBuilder sb = new StringBuilder();
            for (String w : name().toLowerCase(Locale.ROOT).split("_")) {
                sb.append(sb.isEmpty() || w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
            }
            return sb.toString();
        }

        /** Bytes, except the count of direct buffers. */
        public boolean bytes() {
            return this != DIRECT_BUFFER_COUNT;
        }
    }

    /** A value at a time. */
    public record Point(Instant time, long value) {
    }

    /**
     * One line over time.
     *
     * @param category the NMT category ("Thread", "Other", ...) of an {@link Kind#NMT_CATEGORY} series, else null
     * @param label    the kind's label, with the category for NMT ("NMT committed: Other")
     * @param absence  null when recorded; else why the recording lacks it
     * @param stats    null when absent
     * @param points   in time order; empty when absent
     */
    public record Series(Kind kind, String category, String label, String event, boolean recorded, String absence,
                         Stats stats, List<Point> points) {
        public Series {
            points = List.copyOf(points);
            if (recorded != (stats != null) || recorded == points.isEmpty() || recorded == (absence != null)) {
                throw new IllegalArgumentException("a recorded series has points and figures, an absent one a reason");
            }
        }

        /** A series the recording lacks, with the reason. */
        public static Series absent(Kind kind, String category) {
            return new Series(kind, category, label(kind, category), kind.event(), false, kind.absence(), null, List.of());
        }

        /**
         * The series' figures over its points from {@code from} (inclusive) to {@code to} (exclusive),
         * a null end being the recording's; empty when the series is absent or no point falls there.
         */
        public Optional<Stats> statsWithin(Instant from, Instant to) {
            if (!recorded) {
                return Optional.empty();
            }
            if (from == null && to == null) {
                return Optional.of(stats);
            }
            List<Point> in = points.stream().filter(p -> (from == null || !p.time().isBefore(from))
                    && (to == null || p.time().isBefore(to))).toList();
            return in.isEmpty() ? Optional.empty() : Optional.of(Stats.of(in));
        }

        /**
         * The series over a range in one sentence, as pinned evidence states it: where it went from
         * and to, its growth, lowest and highest value, and the per-minute slope only when the points
         * allow one; the range named in seconds from {@code start} (the recording's first instant).
         */
        public String describe(Stats s, Instant start, Instant from, Instant to) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %s to %s (%s) over %s, lowest %s, highest %s",
                    label, value(s.first(), false), value(s.last(), false), value(s.growth(), true), seconds(s.span()),
                    value(s.min(), false), value(s.max(), false)));
            if (s.rateStated()) {
                sb.append(", ").append(kind.bytes() ? Units.bytesDelta(s.perMinute()) : Units.countDelta(Math.round(s.perMinute())))
                        .append(" / min");
            }
            sb.append(String.format(Locale.ROOT, " (%d %s, ", s.points(), s.points() == 1 ? "point" : "points"));
            if (from == null && to == null) {
                sb.append("whole recording)");
            } else {
                sb.append(from == null ? "start" : seconds(Duration.between(start, from))).append(" \u2013 ")
                        .append(to == null ? "end" : seconds(Duration.between(start, to))).append(')');
            }
            return sb.toString();
        }

        private String value(long v, boolean delta) {
            if (kind.bytes()) {
                return delta ? Units.bytesDelta(v) : Units.bytes(v);
            }
            return delta ? Units.countDelta(v) : Units.count(v);
        }

        static String label(Kind kind, String category) {
            if (category == null) {
                return kind == Kind.NMT_CATEGORY ? kind.label() + " per category" : kind.label();
            }
            return kind.label() + ": " + category;
        }
    }

    /**
     * A series' figures: first, last, lowest and highest value, growth (last minus first) and the
     * least-squares slope per minute over {@code span} (first to last point).
     *
     * @param rateStated whether the slope may be stated as a per-minute rate: at least
     *                   {@link #MIN_POINTS_FOR_RATE} points over at least {@link #MIN_SPAN_FOR_RATE}
     */
    public record Stats(long first, long last, long min, long max, long growth, double perMinute, Duration span,
                        int points, boolean rateStated) {
        /** The figures of points in time order (at least one). */
        public static Stats of(List<Point> points) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (Point p : points) {
                min = Math.min(min, p.value());
                max = Math.max(max, p.value());
            }
            Duration span = Duration.between(points.getFirst().time(), points.getLast().time());
            return new Stats(points.getFirst().value(), points.getLast().value(), min, max,
                    points.getLast().value() - points.getFirst().value(), slopePerMinute(points), span, points.size(),
                    points.size() >= MIN_POINTS_FOR_RATE && span.compareTo(MIN_SPAN_FOR_RATE) >= 0);
        }

        /** Least-squares slope of value against time, per minute; 0 for fewer than two distinct times. */
        static double slopePerMinute(List<Point> points) {
            int n = points.size();
            if (n < 2) {
                return 0;
            }
            Instant t0 = points.getFirst().time();
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            // Values centred on the first one: bytes in the GB squared would lose precision in doubles.
            double y0 = points.getFirst().value();
            for (Point p : points) {
                double x = Duration.between(t0, p.time()).toNanos() / 60e9;
                double y = p.value() - y0;
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
            double den = n * sxx - sx * sx;
            return den == 0 ? 0 : (n * sxy - sx * sy) / den;
        }
    }

    /**
     * Resident set minus committed heap: memory the process holds outside the Java heap (native
     * allocations, direct buffers, metaspace, code, thread stacks, allocator fragmentation). Each
     * resident-set sample is paired with the latest committed heap at or before it (the first one
     * for samples before any).
     *
     * @param growth          last minus first
     * @param perMinute       least-squares slope, bytes per minute
     * @param fittedGrowth    the slope over the gap's span: the growth with the noise of the two ends averaged out
     * @param span            from the first to the last point
     * @param recordingLength the recording's length, so that a rate from seconds is read as such
     * @param heapNotResident the committed heap exceeded the resident set at some point (heap committed but
     *                        never touched is not resident): the gap is then negative, and its growth may
     *                        follow the heap shrinking back rather than memory outside it
     * @param rssGrowth       the resident set's growth over the same points
     * @param heapAfterGcGrowth the heap after GC's growth (last minus first), or null when no GC was recorded
     * @param caveat          why not to state the slope as a per-minute rate, or null
     */
    public record Gap(long first, long last, long min, long max, long growth, double perMinute, long fittedGrowth,
                      Duration span, Duration recordingLength, int points, boolean rateStated, boolean heapNotResident,
                      long rssGrowth,
                      Long heapAfterGcGrowth, String caveat) {
    }

    /** The series of a kind (the first NMT category for {@link Kind#NMT_CATEGORY}). */
    public Series of(Kind kind) {
        return series.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    /** The NMT series of a category ("Other", "Thread", ...), when recorded. */
    public Optional<Series> nmt(String category) {
        return series.stream().filter(s -> s.kind() == Kind.NMT_CATEGORY && category.equals(s.category())).findFirst();
    }

    /** The NMT categories recorded, as series. */
    public List<Series> nmtCategories() {
        return series.stream().filter(s -> s.kind() == Kind.NMT_CATEGORY && s.recorded()).toList();
    }

    /** Whether native memory tracking events were recorded. */
    public boolean nmtRecorded() {
        return of(Kind.NMT_TOTAL).recorded() || !nmtCategories().isEmpty();
    }

    /**
     * One sentence on the gap, as both faces state it: how it moved over how long, and the slope only
     * when it may be stated as a rate; or why there is no gap.
     */
    public String headline() {
        if (gap == null) {
            Series rss = of(Kind.RSS);
            return "No gap between the resident set and the heap: "
                    + (rss.recorded() ? "the committed heap was not recorded (" + Kind.HEAP_COMMITTED.absence() + ")"
                    : "the resident set size was not recorded (" + Kind.RSS.absence() + ")") + ".";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Outside the heap (resident set minus committed heap): %s to %s, %s over %s of a %s recording",
                Units.bytes(gap.first()), Units.bytes(gap.last()), Units.bytesDelta(gap.growth()), seconds(gap.span()),
                seconds(gap.recordingLength())));
        if (gap.rateStated()) {
            sb.append(" (").append(Units.bytesDelta(gap.perMinute())).append(" / min)");
        }
        sb.append("; resident set ").append(Units.bytesDelta(gap.rssGrowth()));
        if (gap.heapAfterGcGrowth() != null) {
            sb.append(", heap after GC ").append(Units.bytesDelta(gap.heapAfterGcGrowth()));
        }
        sb.append('.');
        if (gap.caveat() != null) {
            sb.append(' ').append(Character.toUpperCase(gap.caveat().charAt(0))).append(gap.caveat().substring(1)).append('.');
        }
        return sb.toString();
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms < 120_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0)
                : String.format(Locale.ROOT, "%.1f min", ms / 60_000.0);
    }
}
