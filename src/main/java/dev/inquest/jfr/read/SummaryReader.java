package dev.inquest.jfr.read;

import dev.inquest.jfr.summary.ChunkDamage;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.jfr.load.ChunkReader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.EventType;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;

/** Reads a {@link RecordingSummary}: counts every event by type and picks up the JVM's configuration events. */
public final class SummaryReader {
    private SummaryReader() {
    }

    public static RecordingSummary read(JfrSource source, Progress progress) throws IOException {
        // Counting comes free from the raw chunk scan; the JDK parser only sees the configuration events.
        ChunkReader.Outcome<Partial> outcome = ChunkReader.read(source, "Counting events", CONFIG_EVENTS,
                () -> new Partial(false), progress);
        List<Partial> parts = outcome.results();
        if (outcome.counts() == null) {
            parts = ChunkReader.read(source, "Counting events", () -> new Partial(true), progress);
        }
        Partial all = new Partial(false);
        for (Partial p : parts) {
            p.byType.forEach((k, v) -> all.byType.merge(k, v, Long::sum));
            p.props.forEach(all.props::putIfAbsent);
        }
        if (outcome.counts() != null) {
            all.byType.clear();
            all.byType.putAll(outcome.counts());
        }
        source.rememberCounts(all.byType, outcome.counts() == null ? null : outcome.byChunk());
        long events = all.byType.values().stream().mapToLong(Long::longValue).sum();
        List<String> notes = new ArrayList<>();
        if (events == 0) {
            notes.add("metadata only: the recording holds no events (typical of a recording dumped at a crash"
                      + " before any event was flushed)");
        }
        source.truncation().ifPresent(t -> notes.add("cut short: " + t.missingReason()
                + "; the complete chunks before byte " + t.offset() + " were read"));
        List<String> problems = source.damageReport().problems();
        for (ChunkDamage d : source.damage()) {
            notes.add(d.describe());
        }
        int damaged = source.damage().size();
        Map<String, String> pr = all.props;
        String jvm = pr.containsKey("jvmName") ? jvmName(pr.get("jvmName"), pr.getOrDefault("jvmVersion", ""))
                : pr.containsKey("java.vm.name") ? (pr.get("java.vm.name") + " " + pr.getOrDefault("java.vm.version", "")).strip()
                : "unknown";
        String gc = pr.containsKey("youngCollector") ? pr.get("youngCollector") + " / " + pr.get("oldCollector") : null;
        return new RecordingSummary(source.file().toString(), jvm, source.start(), source.duration().toMillis(),
                source.chunksRead(), events, new TreeMap<>(all.byType),
                source.truncation().isPresent() || damaged > 0,
                source.truncation().map(t -> t.offset())
                        .orElse(damaged > 0 ? source.damage().getFirst().offset() : -1L),
                source.truncation().map(t -> t.missingReason())
                        .orElse(damaged > 0 ? source.damage().getFirst().describe() : null),
                pr.get("jvmArguments"), gc, parseLong(pr.get("maxSize")), parseLong(pr.get("initialSize")), notes,
                problems);
    }

    /** HotSpot's version string repeats the name and adds build details: keep "name (version)". */
    static String jvmName(String name, String version) {
        if (version.startsWith(name)) {
            int cut = version.indexOf(" for ");
            return (cut > 0 ? version.substring(0, cut) : version).strip();
        }
        return (name + " " + version).strip();
    }

    private static long parseLong(String s) {
        return s == null ? -1 : Long.parseLong(s);
    }

    private static final java.util.Set<String> CONFIG_EVENTS = java.util.Set.of("jdk.JVMInformation",
            "jdk.GCConfiguration", "jdk.GCHeapConfiguration", "jdk.InitialSystemProperty");

    private static final class Partial implements ChunkReader.ChunkTask<Partial> {
        private final boolean countAll;

        Partial(boolean countAll) {
            this.countAll = countAll;
        }

        // Keyed by EventType identity first: one map lookup by name per distinct type, not per event.
        final Map<EventType, long[]> perType = new HashMap<>();
        final Map<String, long[]> byTypeNamed = new HashMap<>();
        final Map<String, Long> byType = new HashMap<>();
        final Map<String, String> props = new HashMap<>();

        @Override
        public void subscribe(EventStream stream, Runnable tick) {
            java.util.function.Consumer<RecordedEvent> handler = e -> {
                tick.run();
                perType.computeIfAbsent(e.getEventType(), t -> new long[1])[0]++;
                switch (e.getEventType().getName()) {
                    case "jdk.JVMInformation" -> {
                        put("jvmName", e, "jvmName");
                        put("jvmVersion", e, "jvmVersion");
                        put("jvmArguments", e, "jvmArguments");
                    }
                    case "jdk.GCConfiguration" -> {
                        put("youngCollector", e, "youngCollector");
                        put("oldCollector", e, "oldCollector");
                    }
                    case "jdk.GCHeapConfiguration" -> {
                        put("maxSize", e, "maxSize");
                        put("initialSize", e, "initialSize");
                    }
                    case "jdk.InitialSystemProperty" -> {
                        String key = e.getString("key");
                        if ("java.vm.name".equals(key) || "java.vm.version".equals(key)) {
                            props.putIfAbsent(key, e.getString("value"));
                        }
                    }
                    default -> {
                    }
                }
            };
            if (countAll) {
                stream.onEvent(handler);
            } else {
                for (String type : CONFIG_EVENTS) {
                    stream.onEvent(type, handler);
                }
            }
        }

        private void put(String key, RecordedEvent e, String field) {
            if (e.hasField(field)) {
                Object v = e.getValue(field);
                if (v != null) {
                    props.putIfAbsent(key, String.valueOf(v));
                }
            }
        }

        @Override
        public Partial result() {
            perType.forEach((t, n) -> byTypeNamed.computeIfAbsent(t.getName(), k -> new long[1])[0] += n[0]);
            byTypeNamed.forEach((k, v) -> byType.put(k, v[0]));
            return this;
        }
    }
}
