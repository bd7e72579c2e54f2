package dev.inquest.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.cli.CliRun;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.jfr.Recording;
import dev.inquest.progress.Progress;
import dev.inquest.testing.CaptureTarget;
import dev.inquest.testing.RunningJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captures over JMX from a child JVM with a JMX port on the loopback address (no TLS, no password: test only). */
@Tag("slow")
class JmxCaptureTest {
    static final int HELD = 4_321;
    static RunningJvm child;
    static int port;

    @BeforeAll
    static void startChild() throws IOException {
        port = freePort();
        child = RunningJvm.start(CaptureTarget.class, List.of("-Xmx64m",
                "-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false"),
                Integer.toString(HELD));
    }

    @AfterAll
    static void stopChild() {
        if (child != null) {
            child.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    Target.Remote target() {
        return new Target.Remote("127.0.0.1", port, false, null);
    }

    @Test
    void histogramRecordingAndRemoteDumpOverJmx(@TempDir Path dir) throws Exception {
        try (JvmConnection c = Jvms.connect(target(), Progress.NONE)) {
            assertThat(c.identity().pid()).isEqualTo(child.pid());
            assertThat(c.identity().jmx()).isEqualTo("127.0.0.1:" + port);
            assertThat(c.identity().mainClass()).isEqualTo(CaptureTarget.class.getName());

            TextSnapshot h = c.snapshot(CaptureKind.CLASS_HISTOGRAM);
            assertThat(h.text()).containsPattern("\\s" + HELD + "\\s+\\d+\\s+" + java.util.regex.Pattern.quote(CaptureTarget.Held.class.getName()));
            assertThat(h.command()).isEqualTo("on " + c.identity().host() + ": jcmd " + child.pid() + " GC.class_histogram");

            CaptureResult rec = c.record(new RecordingRequest(dir.resolve("remote.jfr"), Duration.ofSeconds(2),
                    RecordingSettings.MEMORY), Progress.NONE);
            assertThat(rec.remote()).isFalse(); // streamed here over JMX
            try (Recording r = Recording.open(rec.file(), Progress.NONE)) {
                assertThat(r.summary(Progress.NONE).byType()).containsKey("jdk.ObjectAllocationSample");
            }

            // Written by the JVM on its machine (the same one here), where the result says.
            Path there = dir.resolve("there.hprof");
            CaptureResult dump = c.heapDump(new HeapDumpRequest(there, true, false), Progress.NONE);
            assertThat(dump.remote()).isTrue();
            assertThat(dump.fingerprint()).isNull();
            assertThat(dump.file()).isEqualTo(there);
            try (HeapDump d = HeapDump.open(there, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
                assertThat(d.histogram(Grouping.CLASS).stream().filter(r -> r.name().equals(CaptureTarget.Held.class.getName()))
                        .mapToLong(HistogramRow::count).sum()).isEqualTo(HELD);
            }
            assertThatThrownBy(() -> c.heapDump(new HeapDumpRequest(dir.resolve("x.hprof.gz"), true, true), Progress.NONE))
                    .isInstanceOf(CaptureException.class).hasMessageContaining("uncompressed");
            assertThat(dir.resolve("x.hprof.gz")).doesNotExist();
        }
    }

    @Test
    void theCommandLineTakesAHistogramOverJmx() throws Exception {
        CliRun r = CliRun.run("jvm", "histogram", "--jmx", "127.0.0.1:" + port);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(CaptureTarget.Held.class.getName());
    }

    @Test
    void aPortWithNoJvmSaysSo() throws Exception {
        int nobody = freePort();
        CliRun r = CliRun.run("jvm", "threads", "--jmx", "127.0.0.1:" + nobody);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("inquest: 127.0.0.1:" + nobody + ": no JMX connection (")
                .contains("Connection refused").hasLineCount(1);
    }
}
