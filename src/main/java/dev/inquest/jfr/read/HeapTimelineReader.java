package dev.inquest.jfr.read;

import dev.inquest.jfr.heap.HeapTimeline;
import dev.inquest.jfr.load.ChunkReader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/** Reads a {@link HeapTimeline}. */
public final class HeapTimelineReader {
    static final int MIN_GCS_FOR_TREND = HeapTimeline.LiveSetTrend.MIN_GCS_FOR_RATE;
    static final Duration MIN_SPAN_FOR_TREND = HeapTimeline.LiveSetTrend.MIN_SPAN_FOR_RATE;

    private HeapTimelineReader() {
    }

    public static HeapTimeline read(JfrSource source, Progress progress) throws IOException {
        List<Part> parts = ChunkReader.read(source, "Reading heap events", Set.of("jdk.GCHeapSummary",
                "jdk.GarbageCollection", "jdk.ResidentSetSize", "jdk.MetaspaceSummary"), Part::new, progress).results();
        List<HeapTimeline.HeapSample> heap = new ArrayList<>();
        List<HeapTimeline.Collection> gcs = new ArrayList<>();
        List<HeapTimeline.RssSample> rss = new ArrayList<>();
        List<HeapTimeline.MetaspaceSample> meta = new ArrayList<>();
        for (Part p : parts) {
            heap.addAll(p.heap);
            rss.addAll(p.rss);
            meta.addAll(p.meta);
            gcs.addAll(p.gcs);
        }
        // Total orders: samples at the same instant must not keep the order the groups merged in.
        heap.sort(Comparator.comparing(HeapTimeline.HeapSample::time).thenComparingLong(HeapTimeline.HeapSample::gcId)
                .thenComparing(HeapTimeline.HeapSample::afterGc).thenComparingLong(HeapTimeline.HeapSample::used)
                .thenComparingLong(HeapTimeline.HeapSample::committed));
        rss.sort(Comparator.comparing(HeapTimeline.RssSample::time).thenComparingLong(HeapTimeline.RssSample::size)
                .thenComparingLong(HeapTimeline.RssSample::peak));
        meta.sort(Comparator.comparing(HeapTimeline.MetaspaceSample::time)
                .thenComparingLong(HeapTimeline.MetaspaceSample::gcId)
                .thenComparing(HeapTimeline.MetaspaceSample::afterGc)
                .thenComparingLong(HeapTimeline.MetaspaceSample::used)
                .thenComparingLong(HeapTimeline.MetaspaceSample::committed));
        // GC ids restart with each JVM; within one recording they identify a collection.
        Map<Long, long[]> beforeAfter = new HashMap<>();
        for (HeapTimeline.HeapSample h : heap) {
            beforeAfter.computeIfAbsent(h.gcId(), k -> new long[] {-1, -1})[h.afterGc() ? 1 : 0] = h.used();
        }
        List<HeapTimeline.Collection> withHeap = new ArrayList<>();
        for (HeapTimeline.Collection c : gcs) {
            long[] ba = beforeAfter.getOrDefault(c.gcId(), new long[] {-1, -1});
            withHeap.add(new HeapTimeline.Collection(c.gcId(), c.start(), c.name(), c.cause(), c.sumOfPauses(),
                    c.longestPause(), ba[0], ba[1]));
        }
        withHeap.sort(Comparator.comparing(HeapTimeline.Collection::start).thenComparingLong(HeapTimeline.Collection::gcId));
        return new HeapTimeline(List.copyOf(heap), List.copyOf(withHeap), List.copyOf(rss), List.copyOf(meta),
                trend(heap));
    }

    /** Least-squares slope of heap used after GC against time. */
    static HeapTimeline.LiveSetTrend trend(List<HeapTimeline.HeapSample> heap) {
        List<HeapTimeline.HeapSample> after = heap.stream().filter(HeapTimeline.HeapSample::afterGc).toList();
        int n = after.size();
        if (n < 2) {
            return new HeapTimeline.LiveSetTrend(0, n, Duration.ZERO, "too few GCs (" + n + ") to estimate a live-set trend:"
                    + " record longer, or under load");
        }
        Duration span = Duration.between(after.getFirst().time(), after.getLast().time());
        double t0 = after.getFirst().time().toEpochMilli();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (HeapTimeline.HeapSample h : after) {
            double x = (h.time().toEpochMilli() - t0) / 60_000.0;
            double y = h.used();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double den = n * sxx - sx * sx;
        double slope = den == 0 ? 0 : (n * sxy - sx * sy) / den;
        String caveat = null;
        if (n < MIN_GCS_FOR_TREND) {
            caveat = "only " + n + " GCs: too few to tell a trend from noise";
        } else if (span.compareTo(MIN_SPAN_FOR_TREND) < 0) {
            caveat = String.format(Locale.ROOT, "the GCs span only %.1f s; a per-minute slope extrapolates well beyond"
                    + " what was observed", span.toMillis() / 1000.0);
        }
        return new HeapTimeline.LiveSetTrend(slope, n, span, caveat);
    }

    private static final class Part implements ChunkReader.ChunkTask<Part> {
        final List<HeapTimeline.HeapSample> heap = new ArrayList<>();
        final List<HeapTimeline.Collection> gcs = new ArrayList<>();
        final List<HeapTimeline.RssSample> rss = new ArrayList<>();
        final List<HeapTimeline.MetaspaceSample> meta = new ArrayList<>();

        @Override
        public void subscribe(EventStream s, Runnable tick) {
            s.onEvent("jdk.GCHeapSummary", e -> {
                tick.run();
                RecordedObject space = e.getValue("heapSpace");
                heap.add(new HeapTimeline.HeapSample(e.getStartTime(), e.getLong("gcId"), isAfter(e),
                        e.getLong("heapUsed"), space == null ? -1 : space.getLong("committedSize")));
            });
            s.onEvent("jdk.GarbageCollection", e -> {
                tick.run();
                gcs.add(new HeapTimeline.Collection(e.getLong("gcId"), e.getStartTime(), e.getString("name"),
                        e.getString("cause"), e.getDuration("sumOfPauses"), e.getDuration("longestPause"), -1, -1));
            });
            s.onEvent("jdk.ResidentSetSize", e -> {
                tick.run();
                rss.add(new HeapTimeline.RssSample(e.getStartTime(), e.getLong("size"), e.getLong("peak")));
            });
            s.onEvent("jdk.MetaspaceSummary", e -> {
                tick.run();
                RecordedObject m = e.getValue("metaspace");
                meta.add(new HeapTimeline.MetaspaceSample(e.getStartTime(), e.getLong("gcId"), isAfter(e),
                        m == null ? -1 : m.getLong("used"), m == null ? -1 : m.getLong("committed")));
            });
        }

        private static boolean isAfter(RecordedEvent e) {
            return "After GC".equals(e.getString("when"));
        }

        @Override
        public Part result() {
            return this;
        }
    }
}
