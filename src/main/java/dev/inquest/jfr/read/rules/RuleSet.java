package dev.inquest.jfr.read.rules;

import dev.inquest.jfr.load.ChunkReader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.rules.RuleReport;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jdk.jfr.consumer.EventStream;

/**
 * Runs every rule over a recording in one pass: the probes the rules read subscribe to the same
 * event stream of each group of chunks, the groups merge, and each rule judges from its probe.
 */
public final class RuleSet {
    /** The rules, in the order the faces list rules of equal verdict and score. */
    static final List<Rule<?>> RULES = List.of(new LiveSetRule(), new GcPauseRatioRule(), new LongGcPauseRule(),
            new FullGcRule(), new SystemGcRule(), new AllocationStallRule(), new AllocationPressureRule(),
            new TlabRatioRule(), new MetaspaceRule(), new ClassLoadingRule(), new CodeCacheRule(),
            new FinalizerRule(), new StringDeduplicationRule(), new PhysicalMemoryRule(), new ResidentSetRule(),
            new DirectBufferRule(), new NativeTrackingRule());

    private RuleSet() {
    }

    public static RuleReport run(JfrSource source, Progress progress) throws IOException {
        return run(source, null, m -> { }, progress);
    }

    /**
     * @param nativeMemory the recording's native memory series when already built (its events are
     *                     then not read for them), or null
     * @param built        handed the series this pass built (when {@code nativeMemory} was null), so
     *                     the recording keeps them for the Native memory view
     */
    public static RuleReport run(JfrSource source, NativeMemory nativeMemory, Consumer<NativeMemory> built,
                                 Progress progress) throws IOException {
        long t0 = System.nanoTime();
        List<Probe.Kind<?>> kinds = new ArrayList<>();
        Set<String> events = new HashSet<>();
        Map<String, String> sums = new HashMap<>();
        for (Rule<?> r : RULES) {
            if (nativeMemory != null && r.probe() == NativeProbe.KIND) {
                continue; // judged from the series given
            }
            if (!kinds.contains(r.probe())) {
                kinds.add(r.probe());
                events.addAll(r.probe().events());
                sums.putAll(r.probe().sums());
            }
        }
        ChunkReader.Outcome<Map<Probe.Kind<?>, Probe<?>>> outcome = ChunkReader.read(source, "Running the rules", events,
                sums, () -> new Pass(kinds), progress);
        Map<String, Long> summed = outcome.sums();
        Map<String, Long> counts = outcome.counts();
        if (!sums.isEmpty() && (summed == null || counts == null)) {
            // A chunk the raw scan could not sum (an unusual layout, or read unfiltered): the JDK's
            // parser sums those events instead, slower but the same figures.
            Summing all = new Summing(sums);
            for (Summing part : ChunkReader.read(source, "Running the rules", sums.keySet(), () -> new Summing(sums),
                    progress).results()) {
                all.add(part);
            }
            summed = all.sums;
            counts = all.counts;
        }
        Map<Probe.Kind<?>, Probe<?>> merged = new LinkedHashMap<>();
        for (Probe.Kind<?> k : kinds) {
            merged.put(k, merge(k, outcome.results(), summed, counts));
        }
        RecordingFacts facts = new RecordingFacts(source.start(), source.end());
        NativeProbe nativeProbe = nativeMemory != null ? new NativeProbe(nativeMemory) : (NativeProbe) merged.get(NativeProbe.KIND);
        if (nativeProbe != null) {
            merged.put(NativeProbe.KIND, nativeProbe);
        }
        boolean partial = source.truncation().isPresent() || !source.damage().isEmpty();
        List<RuleResult> results = new ArrayList<>();
        for (Rule<?> r : RULES) {
            RuleResult res = evaluate(r, merged, facts);
            results.add(partial ? res.asPartial() : res);
        }
        if (nativeMemory == null && nativeProbe != null) {
            built.accept(nativeProbe.memory(facts.length()));
        }
        return new RuleReport(facts.length().toMillis(), partial, (System.nanoTime() - t0) / 1_000_000, results);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Probe<P>> P merge(Probe.Kind<?> kind, List<Map<Probe.Kind<?>, Probe<?>>> groups,
                                                Map<String, Long> summed, Map<String, Long> counts) {
        P all = ((Probe.Kind<P>) kind).factory().get();
        for (Map<Probe.Kind<?>, Probe<?>> g : groups) {
            all.merge((P) g.get(kind));
        }
        if (!kind.sums().isEmpty()) {
            all.summed(summed, counts);
        }
        all.finish();
        return all;
    }

    /** The fallback: the summed fields read through the JDK's parser. */
    private static final class Summing implements ChunkReader.ChunkTask<Summing> {
        private final Map<String, String> fields;
        final Map<String, Long> sums = new HashMap<>();
        final Map<String, Long> counts = new HashMap<>();

        Summing(Map<String, String> fields) {
            this.fields = fields;
        }

        @Override
        public void subscribe(EventStream stream, Runnable tick) {
            fields.forEach((type, field) -> stream.onEvent(type, e -> {
                tick.run();
                sums.merge(type, e.getLong(field), Long::sum);
                counts.merge(type, 1L, Long::sum);
            }));
        }

        void add(Summing o) {
            o.sums.forEach((k, v) -> sums.merge(k, v, Long::sum));
            o.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
        }

        @Override
        public Summing result() {
            return this;
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Probe<P>> RuleResult evaluate(Rule<P> rule, Map<Probe.Kind<?>, Probe<?>> merged,
                                                          RecordingFacts facts) {
        return rule.evaluate((P) merged.get(rule.probe()), facts);
    }

    /** One group of chunks: a probe of each kind, all on the group's stream. */
    private static final class Pass implements ChunkReader.ChunkTask<Map<Probe.Kind<?>, Probe<?>>> {
        private final Map<Probe.Kind<?>, Probe<?>> probes = new LinkedHashMap<>();

        Pass(List<Probe.Kind<?>> kinds) {
            for (Probe.Kind<?> k : kinds) {
                probes.put(k, k.factory().get());
            }
        }

        @Override
        public void subscribe(EventStream stream, Runnable tick) {
            probes.values().forEach(p -> p.subscribe(stream, tick));
        }

        @Override
        public Map<Probe.Kind<?>, Probe<?>> result() {
            probes.values().forEach(Probe::done);
            return probes;
        }
    }
}
