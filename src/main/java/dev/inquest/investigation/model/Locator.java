package dev.inquest.investigation.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where in its view pinned evidence points, one record per kind of place. The case file stores a
 * locator as string pairs ({@link EvidenceSource#locator()}); these records are the one place that
 * writes them ({@link #entries}) and reads them back ({@code in(source)}), so the keys and value
 * formats are spelled once.
 */
public sealed interface Locator {
    /** The pairs as stored, in order. */
    Map<String, String> entries();

    /** Nowhere in particular: the view as a whole. */
    Locator NONE = new Whole();

    /** The view as a whole. */
    record Whole() implements Locator {
        @Override
        public Map<String, String> entries() {
            return Map.of();
        }
    }

    /** A heap object by address, with its class (null when not known) to fall back on. */
    record HeapObject(long address, String className) implements Locator {
        @Override
        public Map<String, String> entries() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(LocatorKey.OBJECT.word(), hex(address));
            if (className != null) {
                m.put(LocatorKey.CLASS.word(), className);
            }
            return m;
        }

        /** The object a source names, if it names one. */
        public static Optional<HeapObject> in(EvidenceSource source) {
            return source.get(LocatorKey.OBJECT).map(o -> new HeapObject(Long.parseUnsignedLong(o.substring(2), 16),
                    source.get(LocatorKey.CLASS).orElse(null)));
        }

        /** How addresses are written: {@code 0x7f3a10000000}. */
        public static String hex(long address) {
            return "0x" + Long.toHexString(address);
        }
    }

    /** A class of a heap dump. */
    record HeapClass(String className) implements Locator {
        public HeapClass {
            Objects.requireNonNull(className, "className");
        }

        @Override
        public Map<String, String> entries() {
            return Map.of(LocatorKey.CLASS.word(), className);
        }

        /** The class a source names (an object's class too), if it names one. */
        public static Optional<HeapClass> in(EvidenceSource source) {
            return source.get(LocatorKey.CLASS).map(HeapClass::new);
        }
    }

    /** A heap query as it was run: the provenance of a pinned result. */
    record HeapQuery(String query) implements Locator {
        public HeapQuery {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public Map<String, String> entries() {
            return Map.of(LocatorKey.QUERY.word(), query);
        }

        /** The query a source names, if it names one. */
        public static Optional<HeapQuery> in(EvidenceSource source) {
            return source == null ? Optional.empty() : source.get(LocatorKey.QUERY).map(HeapQuery::new);
        }
    }

    /** What a flame graph weighs its frames by; stored as the name in lower case. */
    enum FlameWeight {
        BYTES, COUNT, NANOS;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<FlameWeight> of(String word) {
            for (FlameWeight w : values()) {
                if (w.word().equals(word)) {
                    return Optional.of(w);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A flame-graph frame: its stack root first, the graph's weight and the time range shown (null
     * for the whole recording).
     */
    record FlameFrame(List<String> stack, FlameWeight weight, TimeRange range) implements Locator {
        public FlameFrame {
            stack = List.copyOf(stack);
            Objects.requireNonNull(weight, "weight");
        }

        @Override
        public Map<String, String> entries() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(LocatorKey.FRAME.word(), String.join(";", stack));
            m.put(LocatorKey.WEIGHT.word(), weight.word());
            if (range != null) {
                m.putAll(range.entries());
            }
            return m;
        }

        /** The frame's stack a source names, root first, if it names one. */
        public static Optional<List<String>> stackIn(EvidenceSource source) {
            return source.get(LocatorKey.FRAME).map(f -> List.of(f.split(";")));
        }

        /** The weight a source names, if it names one this build knows. */
        public static Optional<FlameWeight> weightIn(EvidenceSource source) {
            return source.get(LocatorKey.WEIGHT).flatMap(FlameWeight::of);
        }
    }

    /** A group of old-object samples, by allocated type or by allocation site. */
    record OldObjectGroup(String group, boolean bySite) implements Locator {
        public OldObjectGroup {
            Objects.requireNonNull(group, "group");
        }

        @Override
        public Map<String, String> entries() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(LocatorKey.GROUP.word(), group);
            m.put(LocatorKey.BY.word(), bySite ? "site" : "type");
            return m;
        }

        /** The group a source names, if it names one. */
        public static Optional<OldObjectGroup> in(EvidenceSource source) {
            return source.get(LocatorKey.GROUP).map(g -> new OldObjectGroup(g,
                    source.get(LocatorKey.BY).map("site"::equals).orElse(false)));
        }
    }

    /**
     * A series of a recording's memory chart: its id ({@code rss}, {@code metaspace},
     * {@code nmtCategory}), the NMT category of a per-category series (else null), and the time
     * range its figures cover (null for the whole recording).
     */
    record NativeSeries(String series, String category, TimeRange range) implements Locator {
        public NativeSeries {
            Objects.requireNonNull(series, "series");
        }

        @Override
        public Map<String, String> entries() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(LocatorKey.SERIES.word(), series);
            if (category != null) {
                m.put(LocatorKey.CATEGORY.word(), category);
            }
            if (range != null) {
                m.putAll(range.entries());
            }
            return m;
        }

        /** The series a source names, if it names one. */
        public static Optional<NativeSeries> in(EvidenceSource source) {
            return source.get(LocatorKey.SERIES).map(s -> new NativeSeries(s, source.get(LocatorKey.CATEGORY).orElse(null),
                    TimeRange.in(source).orElse(null)));
        }
    }

    /** A time range of a recording. */
    record TimeRange(Instant from, Instant to) implements Locator {
        public TimeRange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public Map<String, String> entries() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(LocatorKey.FROM.word(), from.toString());
            m.put(LocatorKey.TO.word(), to.toString());
            return m;
        }

        /** The range a source names (both ends), if it names one. */
        public static Optional<TimeRange> in(EvidenceSource source) {
            Optional<String> from = source.get(LocatorKey.FROM);
            Optional<String> to = source.get(LocatorKey.TO);
            return from.isPresent() && to.isPresent()
                    ? Optional.of(new TimeRange(Instant.parse(from.get()), Instant.parse(to.get())))
                    : Optional.empty();
        }
    }
}
