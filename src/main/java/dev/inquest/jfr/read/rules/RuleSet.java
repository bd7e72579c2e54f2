package dev.inquest.jfr.read.rules;

import dev.inquest.jfr.load.ChunkReader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.rules.RuleReport;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            new FinalizerRule(), new StringDeduplicationRule(), new PhysicalMemoryRule());

    private RuleSet() {
    }

    public static RuleReport run(JfrSource source, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        List<Probe.Kind<?>> kinds = new ArrayList<>();
        Set<String> events = new HashSet<>();
        for (Rule<?> r : RULES) {
            if (!kinds.contains(r.probe())) {
                kinds.add(r.probe());
                events.addAll(r.probe().events());
            }
        }
        List<Map<Probe.Kind<?>, Probe<?>>> groups = ChunkReader.read(source, "Running the rules", events,
                () -> new Pass(kinds), progress).results();
        Map<Probe.Kind<?>, Probe<?>> merged = new LinkedHashMap<>();
        for (Probe.Kind<?> k : kinds) {
            merged.put(k, merge(k, groups));
        }
        RecordingFacts facts = new RecordingFacts(source.start(), source.end());
        boolean partial = source.truncation().isPresent() || !source.damage().isEmpty();
        List<RuleResult> results = new ArrayList<>();
        for (Rule<?> r : RULES) {
            RuleResult res = evaluate(r, merged, facts);
            results.add(partial ? res.asPartial() : res);
        }
        return new RuleReport(facts.length().toMillis(), partial, (System.nanoTime() - t0) / 1_000_000, results);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Probe<P>> P merge(Probe.Kind<?> kind, List<Map<Probe.Kind<?>, Probe<?>>> groups) {
        P all = ((Probe.Kind<P>) kind).factory().get();
        for (Map<Probe.Kind<?>, Probe<?>> g : groups) {
            all.merge((P) g.get(kind));
        }
        all.finish();
        return all;
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
            return probes;
        }
    }
}
