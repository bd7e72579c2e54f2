package dev.inquest.jfr.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.Recording;
import dev.inquest.jfr.rules.RuleId;
import dev.inquest.jfr.rules.RuleResult;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fields summed on the raw bytes while filtering (the TLAB sizes the rules total without the JDK's
 * parser) against the JDK's own reading of the same events; and the rules' fallback when the raw
 * scan is off gives the same figures.
 */
class RawSumsTest {
    static final Map<String, String> TLAB = Map.of("jdk.ObjectAllocationInNewTLAB", "tlabSize",
            "jdk.ObjectAllocationOutsideTLAB", "allocationSize");

    /** A task that keeps nothing: the sums come from the filter. */
    static final class Nothing implements ChunkReader.ChunkTask<Object> {
        @Override
        public void subscribe(EventStream stream, Runnable tick) {
        }

        @Override
        public Object result() {
            return this;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jfr/hotmethods.jfr", "jfr/example.jfr", "jfr/async-profiler.jfr.gz"})
    void rawSumsEqualTheJdksReading(String name) throws Exception {
        Path file = Corpus.file(name);
        Map<String, Long> expected = new HashMap<>();
        Map<String, Long> counted = new HashMap<>();
        try (JfrSource source = JfrSource.open(file, Progress.NONE)) {
            for (RecordedEvent e : RecordingFile.readAllEvents(source.work())) {
                String field = TLAB.get(e.getEventType().getName());
                if (field != null) {
                    expected.merge(e.getEventType().getName(), e.getLong(field), Long::sum);
                    counted.merge(e.getEventType().getName(), 1L, Long::sum);
                }
            }
            ChunkReader.Outcome<Object> o = ChunkReader.read(source, "test", Set.of("jdk.GarbageCollection"), TLAB,
                    Nothing::new, Progress.NONE);
            assertThat(expected).isNotEmpty();
            for (String type : TLAB.keySet()) {
                assertThat(o.sums().get(type)).as(type).isEqualTo(expected.getOrDefault(type, 0L));
                assertThat(o.counts().getOrDefault(type, 0L)).as(type).isEqualTo(counted.getOrDefault(type, 0L));
            }
            // Not asked for, nothing summed.
            assertThat(ChunkReader.read(source, "test", Set.of("jdk.GarbageCollection"), Nothing::new, Progress.NONE)
                    .sums()).isNull();
        }
    }

    /** With the raw scan off (every chunk read by the JDK's parser), the rules sum the TLAB events themselves. */
    @ParameterizedTest
    @ValueSource(strings = {"jfr/hotmethods.jfr"})
    void theRulesFallBackToTheJdksParserWithTheSameFigures(String name) throws Exception {
        Path file = Corpus.file(name);
        RuleResult raw;
        RuleResult parsed;
        try (Recording r = Recording.open(file, Progress.NONE)) {
            raw = r.rules(Progress.NONE).result(RuleId.TLAB_RATIO).orElseThrow();
        }
        System.setProperty("inquest.jfr.nofilter", "true");
        try (Recording r = Recording.open(file, Progress.NONE)) {
            parsed = r.rules(Progress.NONE).result(RuleId.TLAB_RATIO).orElseThrow();
        } finally {
            System.clearProperty("inquest.jfr.nofilter");
        }
        assertThat(raw.figure("in new TLABs").orElseThrow().value()).isPositive();
        assertThat(parsed.figures()).isEqualTo(raw.figures());
        assertThat(parsed.score()).isEqualTo(raw.score());
        assertThat(List.of(raw.verdict())).containsExactly(parsed.verdict());
    }
}
