package dev.inquest.jfr.read;

import dev.inquest.jfr.oldobj.OldObjectReport;
import dev.inquest.jfr.load.ChunkReader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;

/** Reads an {@link OldObjectReport}. */
public final class OldObjectReader {
    /** A reference chain longer than this is cut: the JVM itself caps paths, this guards against cycles. */
    private static final int MAX_CHAIN = 10_000;
    public static final String HINT = "no reference chains were recorded: record with path-to-gc-roots=true"
            + " (jcmd PID JFR.start settings=profile path-to-gc-roots=true, or -XX:StartFlightRecording:path-to-gc-roots=true)"
            + " to see what keeps these objects alive";

    private OldObjectReader() {
    }

    public static OldObjectReport read(JfrSource source, Progress progress) throws IOException {
        List<Part> parts = ChunkReader.read(source, "Reading old-object samples", Set.of("jdk.OldObjectSample"),
                Part::new, progress).results();
        List<OldObjectReport.Sample> samples = new ArrayList<>();
        for (Part p : parts) {
            samples.addAll(p.samples);
        }
        samples.sort(Comparator.comparingLong(OldObjectReport.Sample::size).reversed()
                .thenComparing(OldObjectReport.Sample::type));
        boolean missing = !samples.isEmpty() && samples.stream().allMatch(s -> s.chain().isEmpty() && s.root() == null);
        return new OldObjectReport(List.copyOf(samples), group(samples, OldObjectReport.Sample::type),
                group(samples, s -> s.allocationStack().isEmpty() ? "<no stack trace>" : s.allocationStack().getFirst()),
                missing, missing ? HINT : null);
    }

    private static List<OldObjectReport.Group> group(List<OldObjectReport.Sample> samples,
                                                     Function<OldObjectReport.Sample, String> key) {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (OldObjectReport.Sample s : samples) {
            long[] a = m.computeIfAbsent(key.apply(s), k -> new long[2]);
            a[0]++;
            a[1] += Math.max(0, s.size());
        }
        List<OldObjectReport.Group> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new OldObjectReport.Group(k, (int) v[0], v[1])));
        out.sort(Comparator.comparingInt(OldObjectReport.Group::count).reversed()
                .thenComparing(Comparator.comparingLong(OldObjectReport.Group::totalSize).reversed())
                .thenComparing(OldObjectReport.Group::key));
        return List.copyOf(out);
    }

    private static final class Part implements ChunkReader.ChunkTask<Part> {
        final List<OldObjectReport.Sample> samples = new ArrayList<>();

        @Override
        public void subscribe(EventStream s, Runnable tick) {
            s.onEvent("jdk.OldObjectSample", e -> {
                tick.run();
                samples.add(sample(e));
            });
        }

        @Override
        public Part result() {
            return this;
        }
    }

    static OldObjectReport.Sample sample(RecordedEvent e) {
        RecordedObject obj = e.getValue("object");
        String type = obj == null ? "<unknown>" : className(obj);
        long size = e.hasField("objectSize") ? e.getLong("objectSize") : -1;
        Duration age = e.hasField("objectAge") ? e.getDuration("objectAge") : null;
        Instant allocated = e.hasField("allocationTime") ? e.getInstant("allocationTime") : null;
        long elements = e.hasField("arrayElements") ? e.getInt("arrayElements") : -1;
        List<String> stack = new ArrayList<>();
        RecordedStackTrace st = e.getStackTrace();
        if (st != null) {
            for (RecordedFrame f : st.getFrames()) {
                stack.add(FrameNames.method(f.getMethod()));
            }
        }
        List<OldObjectReport.Step> chain = new ArrayList<>();
        RecordedObject current = obj;
        int guard = 0;
        while (current != null && guard++ < MAX_CHAIN) {
            RecordedObject ref = current.getValue("referrer");
            String via = null;
            RecordedObject next = null;
            if (ref != null) {
                RecordedObject field = ref.hasField("field") ? ref.getValue("field") : null;
                RecordedObject array = ref.hasField("array") ? ref.getValue("array") : null;
                if (field != null) {
                    via = field.getString("name");
                } else if (array != null) {
                    via = "[" + array.getLong("index") + "]";
                }
                int skip = ref.hasField("skip") ? ref.getInt("skip") : 0;
                if (skip > 0) {
                    via = (via == null ? "" : via) + " (" + skip + " objects skipped)";
                }
                next = ref.getValue("object");
            }
            if (current != obj || next != null) {
                chain.add(new OldObjectReport.Step(className(current), current.getString("description"), next == null ? null : via));
            }
            current = next;
        }
        RecordedObject root = e.getValue("root");
        String rootText = null;
        if (root != null) {
            String desc = root.getString("description");
            String system = root.getString("system");
            String kind = root.getString("type");
            rootText = String.join(" ", java.util.stream.Stream.of(system, kind, desc)
                    .filter(x -> x != null && !x.isBlank()).toList());
        }
        return new OldObjectReport.Sample(type, size, age, allocated, elements, List.copyOf(stack), List.copyOf(chain), rootText);
    }

    private static String className(RecordedObject o) {
        RecordedClass c = o.hasField("type") ? o.getValue("type") : null;
        return c == null ? "<unknown>" : FrameNames.className(c.getName());
    }
}
