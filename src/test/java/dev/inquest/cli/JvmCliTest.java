package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.investigation.artifact.Fingerprints;
import dev.inquest.jfr.Recording;
import dev.inquest.progress.Progress;
import dev.inquest.testing.CaptureTarget;
import dev.inquest.testing.RunningJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inquest jvm ...} against one child JVM (no native memory tracking). */
@Tag("slow")
class JvmCliTest {
    static final String HELD_CLASS = CaptureTarget.Held.class.getName();
    static RunningJvm child;
    static String pid;

    @BeforeAll
    static void startChild() {
        child = RunningJvm.start(CaptureTarget.class, List.of("-Xmx64m"), "2000");
        pid = Long.toString(child.pid());
    }

    @AfterAll
    static void stopChild() {
        if (child != null) {
            child.close();
        }
    }

    @Test
    void listShowsTheChildAsJsonAndText() throws Exception {
        CliRun r = CliRun.run("jvm", "list", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode jvms = new ObjectMapper().readTree(r.out()).get("jvms");
        JsonNode me = null;
        for (JsonNode j : jvms) {
            if (j.get("pid").asLong() == child.pid()) {
                me = j;
            }
        }
        assertThat(me).as(r.out()).isNotNull();
        assertThat(me.get("mainClass").asText()).isEqualTo(CaptureTarget.class.getName());
        assertThat(me.get("version").asText()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(me.get("attachable").asBoolean()).isTrue();
        assertThat(me.get("problem").isNull()).isTrue();
        assertThat(me.get("uptimeMillis").asLong()).isNotNegative();

        CliRun text = CliRun.run("jvm", "list");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).containsPattern("^\\s*PID\\s+MAIN CLASS / JAR\\s+JAVA").containsPattern("(?m)^\\s*" + pid + "\\s+" + java.util.regex.Pattern.quote(CaptureTarget.class.getName()));
    }

    @Test
    void dumpWritesTheFileAndDescribesIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cli.hprof");
        CliRun r = CliRun.run("jvm", "dump", pid, "--out", out.toString(), "--live", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("kind").asText()).isEqualTo("heapDump");
        assertThat(j.get("file").asText()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(j.get("remote").asBoolean()).isFalse();
        assertThat(j.get("size").asLong()).isEqualTo(Files.size(out));
        assertThat(j.get("headSha256").asText()).isEqualTo(Fingerprints.of(out).headSha256());
        assertThat(j.get("jvm").get("pid").asLong()).isEqualTo(child.pid());
        assertThat(j.get("jvm").get("mainClass").asText()).isEqualTo(CaptureTarget.class.getName());
        assertThat(j.get("command").asText()).isEqualTo("jcmd " + pid + " GC.heap_dump " + out.toAbsolutePath());

        // Never over an existing file.
        CliRun again = CliRun.run("jvm", "dump", pid, "--out", out.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("inquest: " + out.toAbsolutePath() + ": already exists; a capture does not overwrite a file\n");
    }

    @Test
    void recordSavesARecordingWithTheSettingsAsked(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cli.jfr");
        // A settings file of the user's: CPU samples and nothing else.
        Path jfc = Files.writeString(dir.resolve("cpu only.jfc"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="CPU only">
                  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
                </configuration>
                """);
        CliRun r = CliRun.run("jvm", "record", pid, "--duration", "2s", "--out", out.toString(), "--settings", jfc.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Flight recording of pid " + pid + " (" + CaptureTarget.class.getName() + ") written to " + out.toAbsolutePath())
                .contains(" JFR.start name=inquest-").contains(" settings='" + jfc.toAbsolutePath() + "' duration=2s filename=" + out.toAbsolutePath());
        try (Recording rec = Recording.open(out, Progress.NONE)) {
            assertThat(rec.summary(Progress.NONE).byType()).containsKey("jdk.ExecutionSample")
                    .doesNotContainKey("jdk.ObjectAllocationSample").doesNotContainKey("jdk.GarbageCollection");
        }
        CliRun missing = CliRun.run("jvm", "record", pid, "--duration", "1s", "--out", dir.resolve("m.jfr").toString(),
                "--settings", dir.resolve("none.jfc").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("inquest: " + dir.resolve("none.jfc") + ": no such file\n");
    }

    @Test
    void histogramAndThreadsPrintTheJvmsText(@TempDir Path dir) throws Exception {
        CliRun h = CliRun.run("jvm", "histogram", pid);
        assertThat(h.exit()).as(h.err()).isZero();
        assertThat(h.out()).containsPattern("\\s2000\\s+\\d+\\s+" + java.util.regex.Pattern.quote(HELD_CLASS));

        Path saved = dir.resolve("threads.txt");
        CliRun t = CliRun.run("jvm", "threads", pid, "--out", saved.toString());
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(t.out()).contains("\"" + CaptureTarget.WORKER + "\"");
        assertThat(Files.readString(saved)).isEqualTo(t.out());
        assertThat(t.err()).isEqualTo("inquest: saved to " + saved.toAbsolutePath() + "; equivalent: jcmd " + pid + " Thread.print -l\n");
    }

    @Test
    void nativeMemoryWithoutTrackingIsAClearFailure() {
        CliRun r = CliRun.run("jvm", "native", pid);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("inquest: pid " + pid + " (" + CaptureTarget.class.getName()
                + "): the JVM does not track native memory; start it with -XX:NativeMemoryTracking=summary\n");
    }

    @Test
    void badUsageAndMissingProcesses(@TempDir Path dir) throws Exception {
        CliRun none = CliRun.run("jvm", "dump", "--out", dir.resolve("a.hprof").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Give a PID or --jmx HOST:PORT (one of them).");

        CliRun time = CliRun.run("jvm", "record", pid, "--duration", "soon", "--out", dir.resolve("a.jfr").toString());
        assertThat(time.exit()).isEqualTo(2);
        assertThat(time.err()).contains("--duration: 'soon' is not a time");

        CliRun settings = CliRun.run("jvm", "record", pid, "--duration", "1s", "--out", dir.resolve("a.jfr").toString(),
                "--settings", "fast");
        assertThat(settings.exit()).isEqualTo(2);
        assertThat(settings.err()).contains("--settings: settings are memory, default, profile or a .jfc file, not 'fast'.");

        CliRun jmx = CliRun.run("jvm", "histogram", "--jmx", "nohost");
        assertThat(jmx.exit()).isEqualTo(2);
        assertThat(jmx.err()).contains("--jmx: a JMX address is host:port, such as localhost:9010, not 'nohost'.");

        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        CliRun gone = CliRun.run("jvm", "dump", Long.toString(p.pid()), "--out", dir.resolve("g.hprof").toString());
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err()).isEqualTo("inquest: pid " + p.pid() + ": no such process\n");
        assertThat(dir.resolve("g.hprof")).doesNotExist();
    }
}
