package dev.inquest.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.input.BadInputException;
import dev.inquest.investigation.artifact.Fingerprints;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.progress.Progress;
import dev.inquest.testing.CaptureTarget;
import dev.inquest.testing.RunningJvm;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture engine against one real child JVM (with native memory tracking) for the whole class. */
@Tag("slow")
class CaptureTest {
    static final int HELD = 12_345;
    static final String HELD_CLASS = CaptureTarget.Held.class.getName();
    static RunningJvm child;

    @BeforeAll
    static void startChild() {
        child = RunningJvm.start(CaptureTarget.class, List.of("-Xmx64m", "-XX:NativeMemoryTracking=summary"),
                Integer.toString(HELD));
    }

    @AfterAll
    static void stopChild() {
        if (child != null) {
            child.close();
        }
    }

    @Test
    void listFindsTheChildWithItsMainClassVersionAndHeap() {
        // Generous: the machine runs other builds, and the child's JMX agent starts on this first call.
        List<JvmDescriptor> jvms = Jvms.list(Duration.ofSeconds(60));
        JvmDescriptor d = jvms.stream().filter(j -> j.pid() == child.pid()).findFirst().orElseThrow(
                () -> new AssertionError("child " + child.pid() + " not in " + jvms));
        assertThat(d.mainClass()).isEqualTo(CaptureTarget.class.getName());
        assertThat(d.attachable()).as(d.problem()).isTrue();
        assertThat(d.version()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(d.heapUsed()).isPositive();
        assertThat(d.heapMax()).isEqualTo(64L << 20);
        assertThat(d.uptimeMillis()).isNotNegative();
        assertThat(jvms).noneMatch(j -> j.pid() == ProcessHandle.current().pid());
    }

    @Test
    void liveDumpHoldsTheWorkloadsObjectsAndSaysHowItWasTaken(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sub/live.hprof");
        List<Long> sizes = new ArrayList<>();
        CaptureResult r;
        try (JvmConnection c = Jvms.connect(new Target.Local(child.pid()), Progress.NONE)) {
            assertThat(c.identity().pid()).isEqualTo(child.pid());
            assertThat(c.identity().mainClass()).isEqualTo(CaptureTarget.class.getName());
            r = c.heapDump(new HeapDumpRequest(out, true, false), recording(sizes));
        }
        assertThat(r.kind()).isEqualTo(CaptureKind.HEAP_DUMP);
        assertThat(r.file()).isEqualTo(out.toAbsolutePath());
        assertThat(r.remote()).isFalse();
        assertThat(r.command()).isEqualTo("jcmd " + child.pid() + " GC.heap_dump " + out.toAbsolutePath());
        assertThat(r.jvm().pid()).isEqualTo(child.pid());
        assertThat(Fingerprints.sameContent(r.fingerprint(), Fingerprints.of(out))).isTrue();
        assertThat(r.fingerprint().size()).isEqualTo(Files.size(out));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // no partial file left beside it
        }
        try (HeapDump d = HeapDump.open(out, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            HistogramRow held = d.histogram(Grouping.CLASS).stream().filter(h -> h.name().equals(HELD_CLASS))
                    .findFirst().orElseThrow();
            assertThat(held.count()).isEqualTo(HELD);
        }
    }

    @Test
    void compressedDumpOfAllObjectsIsGzipAndReadable(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("all.hprof.gz");
        CaptureResult r;
        try (JvmConnection c = Jvms.connect(new Target.Local(child.pid()), Progress.NONE)) {
            r = c.heapDump(new HeapDumpRequest(out, false, true), Progress.NONE);
        }
        assertThat(r.command()).isEqualTo("jcmd " + child.pid() + " GC.heap_dump -all -gz=1 " + out.toAbsolutePath());
        try (InputStream in = Files.newInputStream(out)) {
            byte[] magic = in.readNBytes(2);
            assertThat(magic).containsExactly(0x1f, 0x8b);
        }
        try (HeapDump d = HeapDump.open(out, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            assertThat(d.histogram(Grouping.CLASS).stream().filter(h -> h.name().equals(HELD_CLASS))
                    .mapToLong(HistogramRow::count).sum()).isEqualTo(HELD);
        }
    }

    @Test
    void aThreeSecondRecordingHasAllocationAndGcEvents(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("three.jfr");
        List<Long> ticks = new ArrayList<>();
        CaptureResult r;
        try (JvmConnection c = Jvms.connect(new Target.Local(child.pid()), Progress.NONE)) {
            r = c.record(new RecordingRequest(out, Duration.ofSeconds(3), RecordingSettings.MEMORY), recording(ticks));
        }
        assertThat(r.kind()).isEqualTo(CaptureKind.RECORDING);
        assertThat(r.millis()).isGreaterThanOrEqualTo(3000);
        assertThat(r.command()).startsWith("jcmd " + child.pid() + " JFR.start name=inquest-")
                .endsWith(" settings=inquest-memory.jfc duration=3s filename=" + out.toAbsolutePath());
        assertThat(ticks).contains(3000L);
        try (Recording rec = Recording.open(out, Progress.NONE)) {
            RecordingSummary s = rec.summary(Progress.NONE);
            assertThat(s.byType()).containsKeys("jdk.ObjectAllocationSample", "jdk.GarbageCollection", "jdk.GCHeapSummary",
                    "jdk.NativeMemoryUsage");
            assertThat(s.byType().get("jdk.ObjectAllocationSample")).isPositive();
            assertThat(s.truncated()).isFalse();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void aRecordingStartedNowCanBeDumpedSoFarThenStopped(@TempDir Path dir) throws Exception {
        try (JvmConnection c = Jvms.connect(new Target.Local(child.pid()), Progress.NONE)) {
            RunningRecording running = c.startRecording(new RecordingSettings.Predefined("profile"));
            assertThat(c.startCommand(running)).isEqualTo("jcmd " + child.pid() + " JFR.start name=" + running.name()
                    + " settings=profile");
            Thread.sleep(1500);
            CaptureResult soFar = c.dumpRecording(running, dir.resolve("so-far.jfr"), Progress.NONE);
            assertThat(soFar.command()).isEqualTo("jcmd " + child.pid() + " JFR.dump name=" + running.name()
                    + " filename=" + dir.resolve("so-far.jfr").toAbsolutePath());
            Thread.sleep(500);
            CaptureResult all = c.stopRecording(running, dir.resolve("all.jfr"), Progress.NONE);
            try (Recording a = Recording.open(soFar.file(), Progress.NONE);
                    Recording b = Recording.open(all.file(), Progress.NONE)) {
                long first = a.summary(Progress.NONE).events();
                long whole = b.summary(Progress.NONE).events();
                assertThat(first).isPositive();
                assertThat(whole).isGreaterThan(first);
            }
            // Stopped and closed in the JVM: a second stop is the JVM's refusal, in words.
            assertThatThrownBy(() -> c.stopRecording(running, dir.resolve("again.jfr"), Progress.NONE))
                    .isInstanceOf(CaptureException.class)
                    .hasMessageStartingWith("pid " + child.pid());
            assertThat(dir.resolve("again.jfr")).doesNotExist();
        }
    }

    @Test
    void histogramThreadsAndNativeMemoryNameTheWorkload(@TempDir Path dir) throws Exception {
        try (JvmConnection c = Jvms.connect(new Target.Local(child.pid()), Progress.NONE)) {
            TextSnapshot histogram = c.snapshot(CaptureKind.CLASS_HISTOGRAM);
            assertThat(histogram.text()).containsPattern("\\s" + HELD + "\\s+\\d+\\s+" + java.util.regex.Pattern.quote(HELD_CLASS));
            assertThat(histogram.command()).isEqualTo("jcmd " + child.pid() + " GC.class_histogram");
            TextSnapshot threads = c.snapshot(CaptureKind.THREAD_DUMP);
            assertThat(threads.text()).contains("\"" + CaptureTarget.WORKER + "\"");
            assertThat(threads.command()).isEqualTo("jcmd " + child.pid() + " Thread.print -l");
            TextSnapshot nmt = c.snapshot(CaptureKind.NATIVE_MEMORY);
            assertThat(nmt.text()).contains("Native Memory Tracking").contains("Java Heap");
            CaptureResult saved = JvmConnection.save(threads, dir.resolve("threads.txt"));
            assertThat(Files.readString(saved.file())).isEqualTo(threads.text());
            assertThat(saved.kind()).isEqualTo(CaptureKind.THREAD_DUMP);
            assertThat(saved.fingerprint().size()).isEqualTo(Files.size(saved.file()));
            assertThatThrownBy(() -> JvmConnection.save(threads, dir.resolve("threads.txt")))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten(@TempDir Path dir) throws Exception {
        Path out = Files.writeString(dir.resolve("taken.hprof"), "mine");
        try (JvmConnection c = Jvms.connect(new Target.Local(child.pid()), Progress.NONE)) {
            assertThatThrownBy(() -> c.heapDump(new HeapDumpRequest(out, true, false), Progress.NONE))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage(out.toAbsolutePath() + ": already exists; a capture does not overwrite a file");
        }
        assertThat(Files.readString(out)).isEqualTo("mine");
    }

    @Test
    void aCancelledRecordingLeavesNoFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cancelled.jfr");
        try (JvmConnection c = Jvms.connect(new Target.Local(child.pid()), Progress.NONE)) {
            Progress cancelLater = new Progress() {
                long start = System.nanoTime();

                @Override
                public void phase(String name, long total, Unit unit) {
                }

                @Override
                public void progress(long done) {
                }

                @Override
                public boolean isCancelled() {
                    return System.nanoTime() - start > 500_000_000L;
                }
            };
            assertThatThrownBy(() -> c.record(new RecordingRequest(out, Duration.ofSeconds(30), RecordingSettings.MEMORY),
                    cancelLater)).isInstanceOf(CancellationException.class);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void processesThatCannotBeCapturedSaySo() throws Exception {
        long self = ProcessHandle.current().pid();
        assertThatThrownBy(() -> Jvms.connect(new Target.Local(self), Progress.NONE))
                .isInstanceOf(CaptureException.class).hasMessage("pid " + self + " is Inquest itself; choose another JVM");
        // Not a JVM: refused without signalling it (attaching sends SIGQUIT, which would stop it).
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            assertThatThrownBy(() -> Jvms.connect(new Target.Local(sleeper.pid()), Progress.NONE))
                    .isInstanceOf(CaptureException.class).hasMessage("pid " + sleeper.pid() + " is not a Java process this user "
                            + "can attach to (a JVM run with -XX:-UsePerfData is not seen here: reach it over JMX)");
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
        long gone = deadPid();
        assertThatThrownBy(() -> Jvms.connect(new Target.Local(gone), Progress.NONE))
                .isInstanceOf(CaptureException.class).hasMessage("pid " + gone + ": no such process");
    }

    /** The pid of a process that has exited. */
    static long deadPid() {
        try {
            Process p = new ProcessBuilder("true").start();
            p.waitFor();
            return p.pid();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A Progress that keeps every value reported. */
    static Progress recording(List<Long> values) {
        return new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
            }

            @Override
            public void progress(long done) {
                synchronized (values) {
                    values.add(done);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
