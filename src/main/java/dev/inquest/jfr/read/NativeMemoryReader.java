package dev.inquest.jfr.read;

import dev.inquest.jfr.load.ChunkReader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.nativemem.NativeMemory.Kind;
import dev.inquest.jfr.nativemem.NativeMemory.Point;
import dev.inquest.jfr.nativemem.NativeMemory.Series;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/** Reads {@link NativeMemory}: one pass over the chunks, only the event types it charts. */
public final class NativeMemoryReader {
    /** The event types the series are read from (the rule set's native probe reads the same). */
    public static final Set<String> EVENTS = Set.of("jdk.ResidentSetSize", "jdk.GCHeapSummary", "jdk.GCHeapMemoryUsage",
            "jdk.MetaspaceSummary", "jdk.CodeCacheStatistics", "jdk.DirectBufferStatistics", "jdk.NativeMemoryUsage",
            "jdk.NativeMemoryUsageTotal", "jdk.GCHeapConfiguration");

    private NativeMemoryReader() {
    }

    public static NativeMemory read(JfrSource source, Progress progress) throws IOException {
        List<Part> parts = ChunkReader.read(source, "Reading memory beyond the heap", EVENTS, Part::new, progress).results();
        return build(parts, source.duration());
    }

    /** The series from the parts of a pass over the chunks (this reader's own, or the rule set's). */
    public static NativeMemory build(List<Part> parts, Duration length) {
        Map<Kind, List<Point>> points = new EnumMap<>(Kind.class);
        Map<String, List<Point>> nmt = new HashMap<>();
        // Code cache: one event per code heap at the same instant; summed per instant.
        Map<Instant, Long> code = new TreeMap<>();
        long directLimit = -1;
        long heapMax = -1;
        for (Part p : parts) {
            p.points.forEach((k, v) -> points.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            p.nmt.forEach((k, v) -> nmt.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            p.code.forEach((t, v) -> code.merge(t, v, Long::sum));
            directLimit = Math.max(directLimit, p.directLimit);
            heapMax = Math.max(heapMax, p.heapMax);
        }
        if (!code.isEmpty()) {
            List<Point> c = points.computeIfAbsent(Kind.CODE_CACHE, x -> new ArrayList<>());
            code.forEach((t, v) -> c.add(new Point(t, v)));
        }
        // A total order: points at the same instant must not keep the order the groups merged in.
        Comparator<Point> order = Comparator.comparing(Point::time).thenComparingLong(Point::value);
        points.values().forEach(l -> l.sort(order));
        nmt.values().forEach(l -> l.sort(order));
        List<Point> gapPoints = gap(points.getOrDefault(Kind.RSS, List.of()), points.getOrDefault(Kind.HEAP_COMMITTED, List.of()));
        if (!gapPoints.isEmpty()) {
            points.put(Kind.GAP, gapPoints);
        }
        List<Series> series = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (k == Kind.NMT_CATEGORY) {
                if (nmt.isEmpty()) {
                    series.add(Series.absent(k, null));
                }
                // Largest last value first: the categories that matter lead the table and the chart's choices.
                nmt.entrySet().stream()
                        .sorted(Comparator.comparingLong((Map.Entry<String, List<Point>> e) -> -e.getValue().getLast().value())
                                .thenComparing(Map.Entry::getKey))
                        .forEach(e -> series.add(series(k, e.getKey(), e.getValue())));
            } else {
                List<Point> p = points.get(k);
                series.add(p == null || p.isEmpty() ? Series.absent(k, null) : series(k, null, p));
            }
        }
        return new NativeMemory(length, series, gapTrend(gapPoints, points.getOrDefault(Kind.RSS, List.of()),
                points.getOrDefault(Kind.HEAP_AFTER_GC, List.of()), length), directLimit, heapMax);
    }

    private static Series series(Kind kind, String category, List<Point> points) {
        return new Series(kind, category, kind.label() + (category == null ? "" : ": " + category), kind.event(), true, null,
                stats(points), points);
    }

    /** Each resident-set point minus the committed heap in force then (the latest at or before it, else the first). */
    static List<Point> gap(List<Point> rss, List<Point> committed) {
        if (rss.isEmpty() || committed.isEmpty()) {
            return List.of();
        }
        List<Point> out = new ArrayList<>(rss.size());
        int j = 0;
        for (Point r : rss) {
            while (j + 1 < committed.size() && !committed.get(j + 1).time().isAfter(r.time())) {
                j++;
            }
            out.add(new Point(r.time(), r.value() - committed.get(j).value()));
        }
        return out;
    }

    static NativeMemory.Stats stats(List<Point> points) {
        return NativeMemory.Stats.of(points);
    }

    static NativeMemory.Gap gapTrend(List<Point> gap, List<Point> rss, List<Point> heapAfterGc, Duration length) {
        if (gap.isEmpty()) {
            return null;
        }
        NativeMemory.Stats s = stats(gap);
        double fitted = s.perMinute() * (s.span().toNanos() / 60e9);
        List<String> caveats = new ArrayList<>();
        if (s.points() < NativeMemory.MIN_POINTS_FOR_RATE) {
            caveats.add("only " + s.points() + " resident-set samples: too few to tell a trend from noise");
        } else if (!s.rateStated()) {
            caveats.add(String.format(Locale.ROOT, "the samples span only %.1f s; a per-minute rate would extrapolate well"
                    + " beyond what was observed", s.span().toMillis() / 1000.0));
        }
        boolean notResident = s.min() < 0;
        if (notResident) {
            caveats.add("the committed heap exceeded the resident set at times (heap pages never touched are not"
                    + " resident), so the gap understates memory outside the heap there and follows the heap's size");
        }
        String caveat = caveats.isEmpty() ? null : String.join("; ", caveats);
        Long heapGrowth = heapAfterGc.isEmpty() ? null : heapAfterGc.getLast().value() - heapAfterGc.getFirst().value();
        return new NativeMemory.Gap(s.first(), s.last(), s.min(), s.max(), s.growth(), s.perMinute(), Math.round(fitted),
                s.span(), length, s.points(), s.rateStated(), notResident, rss.getLast().value() - rss.getFirst().value(), heapGrowth, caveat);
    }

    /** A field this JDK's event lacks (an older or newer layout): no point, rather than a failed read. */
    private static final long MISSING = Long.MIN_VALUE;

    private static long field(RecordedObject o, String name) {
        return o != null && o.hasField(name) ? o.getLong(name) : MISSING;
    }

    /** What one group of chunks holds of the series; {@link #build} folds the groups together. */
    public static final class Part implements ChunkReader.ChunkTask<Part> {
        final Map<Kind, List<Point>> points = new EnumMap<>(Kind.class);
        final Map<String, List<Point>> nmt = new HashMap<>();
        final Map<Instant, Long> code = new HashMap<>();
        long directLimit = -1;
        long heapMax = -1;

        /** One point of a series, as an event would give it (tests build the shapes no workload makes reliably). */
        public void point(Kind k, Instant time, long value) {
            points.computeIfAbsent(k, x -> new ArrayList<>()).add(new Point(time, value));
        }

        private void add(Kind k, RecordedEvent e, long value) {
            if (value != MISSING) {
                points.computeIfAbsent(k, x -> new ArrayList<>()).add(new Point(e.getStartTime(), value));
            }
        }

        @Override
        public void subscribe(EventStream s, Runnable tick) {
            s.onEvent("jdk.ResidentSetSize", e -> {
                tick.run();
                add(Kind.RSS, e, field(e, "size"));
            });
            s.onEvent("jdk.GCHeapSummary", e -> {
                tick.run();
                RecordedObject space = e.getValue("heapSpace");
                if (space != null) {
                    add(Kind.HEAP_COMMITTED, e, field(space, "committedSize"));
                }
                if ("After GC".equals(e.getString("when"))) {
                    add(Kind.HEAP_AFTER_GC, e, field(e, "heapUsed"));
                }
            });
            s.onEvent("jdk.GCHeapMemoryUsage", e -> {
                tick.run();
                add(Kind.HEAP_COMMITTED, e, field(e, "committed"));
                heapMax = Math.max(heapMax, field(e, "max"));
            });
            s.onEvent("jdk.GCHeapConfiguration", e -> {
                tick.run();
                heapMax = Math.max(heapMax, field(e, "maxSize"));
            });
            s.onEvent("jdk.MetaspaceSummary", e -> {
                tick.run();
                RecordedObject m = e.getValue("metaspace");
                if (m != null) {
                    add(Kind.METASPACE, e, field(m, "committed"));
                }
            });
            s.onEvent("jdk.CodeCacheStatistics", e -> {
                tick.run();
                // Used = the code heap's reserved range minus what is still unallocated in it.
                long top = field(e, "reservedTopAddress");
                long start = field(e, "startAddress");
                long free = field(e, "unallocatedCapacity");
                if (top != MISSING && start != MISSING && free != MISSING) {
                    code.merge(e.getStartTime(), top - start - free, Long::sum);
                }
            });
            s.onEvent("jdk.DirectBufferStatistics", e -> {
                tick.run();
                add(Kind.DIRECT_BUFFERS, e, field(e, "memoryUsed"));
                add(Kind.DIRECT_BUFFER_COUNT, e, field(e, "count"));
                directLimit = Math.max(directLimit, field(e, "maxCapacity"));
            });
            s.onEvent("jdk.NativeMemoryUsageTotal", e -> {
                tick.run();
                add(Kind.NMT_TOTAL, e, field(e, "committed"));
            });
            s.onEvent("jdk.NativeMemoryUsage", e -> {
                tick.run();
                long committed = field(e, "committed");
                if (committed != MISSING) {
                    String type = e.hasField("type") ? e.getString("type") : null;
                    nmt.computeIfAbsent(type == null ? "unknown" : type, x -> new ArrayList<>())
                            .add(new Point(e.getStartTime(), committed));
                }
            });
        }

        @Override
        public Part result() {
            return this;
        }
    }
}
