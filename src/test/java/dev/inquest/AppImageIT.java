package dev.inquest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HeapSummary;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import dev.inquest.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher of the app image {@code -Pinstaller} built (jlink-trimmed runtime and all):
 * catches a module missing from the runtime or a broken launcher configuration, which no test
 * on the full JDK can see. Runs in the integration-test phase, after package built the image.
 */
class AppImageIT {
    static Path launcher() {
        String image = System.getProperty("inquest.appImage");
        assumeTrue(image != null, "no app image configured (run with -Pinstaller)");
        Path bin = Path.of(image, "bin", "Inquest");
        assumeTrue(Files.isExecutable(bin), "no Linux app image launcher at " + bin);
        return bin;
    }

    @Test
    void launcherPrintsTheVersion(@TempDir Path dir) {
        ChildJvm.Result r = ChildJvm.run(List.of(launcher().toString(), "--version"), dir, 60);
        assertThat(r.output()).contains(Version.describe().split(" ")[0]).contains(Version.version());
    }

    /**
     * The build trained an ahead-of-time cache (installer/AotTraining.java) and the launcher maps
     * it: our own classes come from the cache, not from the jar.
     */
    @Test
    void launcherStartsFromTheTrainedCache(@TempDir Path dir) throws Exception {
        Path launcher = launcher();
        Path cfg;
        try (var files = Files.walk(launcher.getParent().getParent())) {
            cfg = files.filter(p -> p.getFileName().toString().equals("Inquest.cfg")).findFirst().orElseThrow();
        }
        assertThat(Files.readAllLines(cfg)).contains("java-options=-XX:AOTCache=$APPDIR/inquest.aot");
        assertThat(cfg.resolveSibling("inquest.aot")).isNotEmptyFile();
        ChildJvm.Result r = ChildJvm.run(List.of(launcher.toString(), "--version"),
                java.util.Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"), dir, 60);
        assertThat(r.output())
                .contains("dev.inquest.Main source: shared objects file")
                .contains("dev.inquest.cli.InquestCommand source: shared objects file")
                .doesNotContain("[error][aot]");
    }

    @Test
    void launcherAnalysesAHeapDumpLikeTheEngineDoes(@TempDir Path dir) throws Exception {
        Path launcher = launcher();
        Path dump = dir.resolve("hello.hprof");
        ChildJvm.runWorkload("HelloDump", dir, List.of("-Xmx64m"), dump.toString());
        ChildJvm.Result r = ChildJvm.run(List.of(launcher.toString(), "heap", "summary", dump.toString(), "--json"),
                dir, 120);
        String json = r.output().substring(r.output().indexOf('{'));
        JsonNode out = new ObjectMapper().readTree(json);
        try (HeapDump d = HeapDump.open(dump, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            HeapSummary s = d.summary();
            assertThat(out.get("objects").asLong()).isEqualTo(s.objects()).isGreaterThan(1000);
            assertThat(out.get("usedHeap").asLong()).isEqualTo(s.usedHeap());
            assertThat(out.get("classes").asLong()).isEqualTo(s.classes());
            assertThat(out.get("truncated").asBoolean()).isFalse();
        }
    }

    /**
     * Standard output is the command's alone: {@code heap summary --json} of the shipped launcher
     * pipes into a JSON reader as it is. The JVM writes its own warnings to standard output, and
     * a cache trained with adapter caching made every start print two (JDK-8364929: "Failed to
     * link AdapterHandlerEntry ... in the AOT code cache"; issue 18).
     */
    @Test
    void launcherWritesNothingButTheJsonToStandardOutput(@TempDir Path dir) throws Exception {
        Path launcher = launcher();
        Path dump = dir.resolve("hello.hprof");
        ChildJvm.runWorkload("HelloDump", dir, List.of("-Xmx64m"), dump.toString());
        Path stdout = dir.resolve("stdout.txt");
        Process p = new ProcessBuilder(launcher.toString(), "heap", "summary", dump.toString(), "--json")
                .directory(dir.toFile()).redirectOutput(stdout.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        String out = Files.readString(stdout);
        assertThat(out).startsWith("{").doesNotContain("[warning]");
        assertThat(new ObjectMapper().readTree(out).get("objects").asLong()).isGreaterThan(1000);
    }

    /**
     * The runtime image carries the modules capture needs (jdk.attach, jdk.management,
     * jdk.management.jfr, java.management.rmi): the installed launcher lists a child JVM and dumps it.
     */
    @Test
    void launcherListsAndDumpsARunningJvm(@TempDir Path dir) throws Exception {
        Path launcher = launcher();
        try (dev.inquest.testing.RunningJvm child = dev.inquest.testing.RunningJvm.start(
                dev.inquest.testing.CaptureTarget.class, List.of("-Xmx64m"), "777")) {
            JsonNode found = null;
            // A JVM that does not answer within the list's 10 s is listed as such: on a loaded build
            // machine the child's first JMX agent start can take that long, so ask again.
            for (int attempt = 0; attempt < 3 && (found == null || !found.get("attachable").asBoolean()); attempt++) {
                ChildJvm.Result list = ChildJvm.run(List.of(launcher.toString(), "jvm", "list", "--json"), dir, 120);
                JsonNode jvms = new ObjectMapper().readTree(list.output().substring(list.output().indexOf('{'))).get("jvms");
                found = null;
                for (JsonNode j : jvms) {
                    if (j.get("pid").asLong() == child.pid()) {
                        found = j;
                    }
                }
                assertThat(found).as(list.output()).isNotNull();
            }
            assertThat(found.get("mainClass").asText()).isEqualTo(dev.inquest.testing.CaptureTarget.class.getName());
            assertThat(found.get("attachable").asBoolean()).as(found.toString()).isTrue();

            Path dump = dir.resolve("from-launcher.hprof");
            ChildJvm.run(List.of(launcher.toString(), "jvm", "dump", Long.toString(child.pid()), "--out", dump.toString(),
                    "--live"), dir, 120);
            try (HeapDump d = HeapDump.open(dump, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
                assertThat(d.histogram(dev.inquest.heap.model.Grouping.CLASS).stream()
                        .filter(h -> h.name().equals(dev.inquest.testing.CaptureTarget.Held.class.getName()))
                        .mapToLong(dev.inquest.heap.model.HistogramRow::count).sum()).isEqualTo(777);
            }
        }
    }
}
