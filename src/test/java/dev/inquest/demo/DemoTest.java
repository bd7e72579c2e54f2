package dev.inquest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.input.FileKind;
import dev.inquest.investigation.artifact.Fingerprints;
import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.Priority;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.read.OldObjectReader;
import dev.inquest.jfr.oldobj.OldObjectReport;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.jfr.read.SummaryReader;
import dev.inquest.progress.Progress;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the demo once, end to end through the command line at the small size, and checks every file
 * against what the service was asked to leak (each order leaks exactly one receipt).
 */
class DemoTest {
    static final int BEFORE = DemoOptions.SMALL.ordersBefore();
    static final int AFTER = DemoOptions.SMALL.ordersBefore() + DemoOptions.SMALL.ordersAfter();

    static Path dir;
    static int exitCode;
    static String output;

    @BeforeAll
    static void runDemo() {
        SmallDemo demo = SmallDemo.get();
        dir = demo.dir();
        exitCode = demo.exitCode();
        output = demo.output();
    }

    @Test
    void childClassPathIsAbsoluteBecauseTheChildRunsInTheDemoFolder() {
        // "java -jar target/inquest.jar demo DIR" has the relative class path "target/inquest.jar";
        // the service runs with DIR as its working directory, where that names nothing.
        java.util.List<String> cmd = Demo.command(Path.of("demo-dir"), DemoOptions.SMALL,
                "target/classes" + java.io.File.pathSeparator + "lib/x.jar");
        String cp = cmd.get(cmd.indexOf("-cp") + 1);
        assertThat(cp.split(java.io.File.pathSeparator)).containsExactly(
                Path.of("target/classes").toAbsolutePath().toString(), Path.of("lib/x.jar").toAbsolutePath().toString());
    }

    @Test
    void commandExitsZeroAndSaysWhatItWrote() {
        assertThat(exitCode).isZero();
        assertThat(output).contains(dir.resolve("demo.inquest").toString())
                .contains("heap dump after " + dev.inquest.format.Units.count(BEFORE) + " orders")
                .contains("heap dump after " + dev.inquest.format.Units.count(AFTER) + " orders")
                .contains(Demo.LEAKING_CLASS + " grew by " + dev.inquest.format.Units.count(AFTER - BEFORE) + " instances");
    }

    @Test
    void filesAreWhatTheyClaim() throws Exception {
        assertThat(FileKind.detect(dir.resolve("baseline.hprof"))).isEqualTo(FileKind.detect(dir.resolve("after.hprof")));
        assertThat(FileKind.detect(dir.resolve("baseline.hprof")).label()).containsIgnoringCase("heap");
        assertThat(FileKind.detect(dir.resolve("service.jfr")).label()).containsIgnoringCase("record");
        assertThat(FileKind.detect(dir.resolve("demo.inquest")).label()).containsIgnoringCase("case");
    }

    @Test
    void dumpsHoldExactlyTheLeakedReceipts() throws Exception {
        assertThat(count(dir.resolve("baseline.hprof"), Demo.LEAKING_CLASS)).isEqualTo(BEFORE);
        assertThat(count(dir.resolve("after.hprof"), Demo.LEAKING_CLASS)).isEqualTo(AFTER);
    }

    @Test
    void recordingHasAllocationAndOldObjectSamplesWithChains() throws Exception {
        try (JfrSource src = JfrSource.open(dir.resolve("service.jfr"), Progress.NONE)) {
            RecordingSummary s = SummaryReader.read(src, Progress.NONE);
            assertThat(s.truncated()).isFalse();
            assertThat(s.byType().getOrDefault("jdk.ObjectAllocationSample", 0L)).isPositive();
            assertThat(s.byType().getOrDefault("jdk.OldObjectSample", 0L)).isPositive();
            OldObjectReport old = OldObjectReader.read(src, Progress.NONE);
            assertThat(old.chainsMissing()).isFalse();
            // The service's receipts are sampled, with their chain up to the cache that holds them.
            assertThat(old.samples()).anySatisfy(x -> {
                assertThat(x.chain()).anySatisfy(st -> assertThat(st.type()).isEqualTo(Demo.LEAKING_CLASS));
                assertThat(x.chain()).anySatisfy(st -> assertThat(st.via()).isEqualTo("RECEIPTS"));
            });
        }
    }

    @Test
    void caseHasArtifactsHypothesisEvidenceAndNextStep() throws Exception {
        Case c = CaseSession.open(dir.resolve("demo.inquest")).current();
        assertThat(c.artifacts()).extracting(Artifact::path)
                .containsExactly("baseline.hprof", "after.hprof", "service.jfr");
        for (Artifact a : c.artifacts()) {
            assertThat(a.fingerprint()).isEqualTo(Fingerprints.of(dir.resolve(a.path())));
        }
        assertThat(c.hypotheses()).singleElement().satisfies(h -> {
            assertThat(h.statement()).isEqualTo("The order cache never evicts");
            assertThat(h.evidence()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EvidenceKind.HISTOGRAM_DELTA);
                assertThat(e.figure("before").orElseThrow().value()).isEqualTo(BEFORE);
                assertThat(e.figure("after").orElseThrow().value()).isEqualTo(AFTER);
            });
        });
        assertThat(c.nextSteps()).singleElement().satisfies(s -> {
            assertThat(s.priority()).isEqualTo(Priority.P1);
            assertThat(s.hypothesis()).isEqualTo(c.hypotheses().getFirst().id());
        });
        assertThat(c.findings()).singleElement().asString().contains(Demo.LEAKING_CLASS + "` grew by " + dev.inquest.format.Units.count(AFTER - BEFORE));
    }

    @Test
    void applicationClassFilterSkipsArraysAndJdkClasses() {
        assertThat(Demo.applicationClass("byte[]")).isFalse();
        assertThat(Demo.applicationClass("java.util.HashMap$Node")).isFalse();
        assertThat(Demo.applicationClass(Demo.LEAKING_CLASS)).isTrue();
    }

    private static long count(Path dump, String cls) throws Exception {
        try (HeapDump h = HeapDump.open(dump, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            return h.histogram(Grouping.CLASS).stream().filter(r -> r.name().equals(cls))
                    .mapToLong(HistogramRow::count).sum();
        }
    }
}
