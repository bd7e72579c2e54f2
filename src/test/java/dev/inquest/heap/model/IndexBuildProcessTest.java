package dev.inquest.heap.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.input.BadInputException;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a first open whose index is built in a child JVM gives what an open in this process
 * gives (figures, problems, messages), and a cancelled or killed child leaves no file behind.
 */
@Tag("slow")
class IndexBuildProcessTest {
    @TempDir
    Path dir;

    private static final IndexBuildProcess.Launcher LAUNCHER = IndexBuildProcess.Launcher.current().orElseThrow();

    /** Records the phases it is told of; runs {@code onPhase} on each (a test's hand in the build). */
    static final class Watch implements Progress {
        final List<String> phases = new CopyOnWriteArrayList<>();
        final Consumer<String> onPhase;
        volatile boolean cancelled;

        Watch(Consumer<String> onPhase) {
            this.onPhase = onPhase;
        }

        @Override
        public void phase(String name, long total, Unit unit) {
            phases.add(name);
            onPhase.accept(name);
        }

        @Override
        public void progress(long done) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    private Path copy(Path source, String name) throws IOException {
        return Files.copy(source, dir.resolve(name));
    }

    private List<String> filesBesides(Path dump) throws IOException {
        try (Stream<Path> s = Files.list(dump.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(dump.getFileName().toString())).sorted().toList();
        }
    }

    /** The child's process (its command names this class), while it runs. */
    private static Optional<ProcessHandle> child() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(IndexBuildProcess.class.getName())).orElse(false))
                .findFirst();
    }

    @Test
    void theChildBuildsTheIndexAndThisProcessMapsItWithTheSameFigures() throws Exception {
        Path a = copy(ShapesDump.plain(), "a.hprof");
        Path b = copy(ShapesDump.plain(), "b.hprof");
        HeapSummary here;
        try (HeapDump d = HeapDump.open(b, OpenOptions.DEFAULT, Progress.NONE)) {
            assertThat(d.fromIndex()).isFalse();
            here = d.summary();
        }
        Watch watch = new Watch(p -> { });
        try (HeapDump d = IndexBuildProcess.open(a, OpenOptions.DEFAULT, null, watch, LAUNCHER)) {
            assertThat(d.summary()).usingRecursiveComparison().ignoringFields("file", "parseMillis").isEqualTo(here);
            assertThat(d.summary().objects()).isPositive();
            assertThat(d.topDominators(5)).isNotEmpty();
        }
        // Each phase shown once, the child's build phases included (its repeat of the record walk is not).
        assertThat(watch.phases).doesNotHaveDuplicates()
                .contains("Reading records", "Opening index", "Scanning heap records", "Dominators", "Writing index");
        // The parent went on once the index was written; the child ends by itself.
        child().ifPresent(p -> p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join());
        assertThat(filesBesides(a)).containsExactly("a.hprof.inquest-index", "b.hprof", "b.hprof.inquest-index");
        try (HeapDump d = HeapDump.open(a, OpenOptions.DEFAULT, Progress.NONE)) {
            assertThat(d.fromIndex()).as("the child's index is the one a reopen maps").isTrue();
        }
    }

    @Test
    void aCutDumpOpenedThroughTheChildIsStillMarkedPartial() throws Exception {
        byte[] bytes = Files.readAllBytes(ShapesDump.plain());
        byte[] cut = Arrays.copyOf(bytes, bytes.length * 3 / 4);
        Path here = Files.write(dir.resolve("here.hprof"), cut);
        Path there = Files.write(dir.resolve("there.hprof"), cut);
        List<String> problems;
        try (HeapDump d = HeapDump.open(here, OpenOptions.DEFAULT, Progress.NONE)) {
            problems = d.problems();
        }
        try (HeapDump d = IndexBuildProcess.open(there, OpenOptions.DEFAULT, null, Progress.NONE, LAUNCHER)) {
            assertThat(d.truncated()).isTrue();
            assertThat(d.summary().truncated()).isTrue();
            assertThat(d.problems()).isNotEmpty().isEqualTo(problems);
        }
    }

    @Test
    void aChildThatFindsBadInputGivesTheSameMessage() throws Exception {
        // Cut inside the header: an open here fails before any child starts, so the child is run directly.
        Path bad = Files.write(dir.resolve("bad.hprof"), Arrays.copyOf(Files.readAllBytes(ShapesDump.plain()), 10));
        String here = null;
        try {
            HeapDump.open(bad, OpenOptions.DEFAULT, Progress.NONE).close();
        } catch (BadInputException e) {
            here = e.getMessage();
        }
        assertThat(here).isEqualTo(bad + ": file ends inside the HPROF header at byte 10");
        assertThatThrownBy(() -> IndexBuildProcess.build(LAUNCHER, bad, OpenOptions.DEFAULT, 0, Progress.NONE, new HashSet<>()))
                .isInstanceOf(BadInputException.class).hasMessage(here)
                .satisfies(e -> assertThat(((BadInputException) e).offset()).isEqualTo(10));
        assertThat(filesBesides(bad)).isEmpty();
    }

    @Test
    void cancellingKillsAStuckChildAndLeavesNoFile() throws Exception {
        Path dump = copy(ShapesDump.plain(), "c.hprof");
        List<String> seenThen = new ArrayList<>();
        Watch[] watch = new Watch[1];
        watch[0] = new Watch(phase -> {
            if (phase.equals("Dominators")) {
                // The child is frozen past the start of its index file (written beside the dump from
                // here on), so it can neither finish nor clean up: cancel must kill it and clean up.
                ProcessHandle p = child().orElseThrow();
                signal("STOP", p.pid());
                try {
                    seenThen.addAll(filesBesides(dump));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                watch[0].cancelled = true;
            }
        });
        assertThatThrownBy(() -> IndexBuildProcess.open(dump, OpenOptions.DEFAULT, null, watch[0], LAUNCHER))
                .isInstanceOf(CancellationException.class);
        assertThat(seenThen).anySatisfy(n -> assertThat(n).startsWith("c.hprof.inquest-index").endsWith(".tmp"));
        assertThat(child()).isEmpty();
        assertThat(filesBesides(dump)).isEmpty();
    }

    @Test
    void aChildKilledBySignalNineSaysSoAndWhatToDo() throws Exception {
        Path dump = copy(ShapesDump.plain(), "k.hprof");
        Watch watch = new Watch(phase -> {
            if (phase.equals("Dominators")) {
                child().orElseThrow().destroyForcibly(); // SIGKILL, as the kernel's out-of-memory killer sends
            }
        });
        assertThatThrownBy(() -> IndexBuildProcess.open(dump, OpenOptions.DEFAULT, null, watch, LAUNCHER))
                .isInstanceOf(IndexBuildProcess.Killed.class)
                .hasMessage(dump + ": the indexing process was killed by the system (signal 9), most likely for want of"
                        + " memory; give Inquest more memory (Settings, Maximum memory) or close other programs, then open"
                        + " the dump again")
                .satisfies(e -> assertThat(((IndexBuildProcess.Killed) e).signal()).isEqualTo(9));
        assertThat(filesBesides(dump)).isEmpty();
    }

    @Test
    void aChildThatCannotStartSaysWhatItPrinted() throws Exception {
        Path dump = copy(ShapesDump.plain(), "n.hprof");
        var broken = new IndexBuildProcess.Launcher(LAUNCHER.java(), dir.resolve("no-classes").toString(), List.of());
        assertThatThrownBy(() -> IndexBuildProcess.open(dump, OpenOptions.DEFAULT, null, Progress.NONE, broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(dump + ": the indexing process ended with exit code 1: ")
                .hasMessageContaining(IndexBuildProcess.class.getName());
        assertThat(filesBesides(dump)).isEmpty();
    }

    @Test
    void noJavaBinaryMeansNoChild() throws Exception {
        String home = System.getProperty("java.home");
        try {
            System.setProperty("java.home", dir.toString()); // a runtime without bin/java (a trimmed image)
            assertThat(IndexBuildProcess.Launcher.current()).isEmpty();
        } finally {
            System.setProperty("java.home", home);
        }
        assertThat(IndexBuildProcess.Launcher.current()).isPresent().get()
                .satisfies(l -> assertThat(l.jvmOptions()).contains("-Xmx" + Runtime.getRuntime().maxMemory()));
    }

    @Test
    void withoutAnIndexFileTheOpenStaysInThisProcess() throws Exception {
        Path dump = copy(ShapesDump.plain(), "i.hprof");
        var broken = new IndexBuildProcess.Launcher(LAUNCHER.java(), dir.resolve("no-classes").toString(), List.of());
        // A child cannot start from this launcher: that the open succeeds shows none was asked to.
        try (HeapDump d = IndexBuildProcess.open(dump, OpenOptions.DEFAULT.withIndexFile(false), null, Progress.NONE, broken)) {
            assertThat(d.summary().objects()).isPositive();
        }
        assertThat(filesBesides(dump)).isEmpty();
    }

    @Test
    void messagesSurviveTheirLine() {
        List<IndexBuildMessage> all = List.of(
                new IndexBuildMessage.PhaseStarted("Dominators (on disk,\tover\\the\n1.5 GB budget)", 1234, Progress.Unit.ITEMS),
                new IndexBuildMessage.Advanced(987654321L),
                new IndexBuildMessage.Built(),
                new IndexBuildMessage.Failed(IndexBuildMessage.Failure.BAD_INPUT, "bad\r\nthing\\t", 42, 0));
        for (IndexBuildMessage m : all) {
            assertThat(m.line()).doesNotContain("\n", "\r");
            assertThat(IndexBuildMessage.parse(m.line())).contains(m);
        }
        assertThat(IndexBuildMessage.parse("WARNING: something")).isEmpty();
        assertThat(IndexBuildMessage.parse("inquest-build\tphase\tx")).isEmpty();
        assertThat(IndexBuildMessage.parse("inquest-build\tnonsense")).isEmpty();
    }

    private static void signal(String name, long pid) {
        try {
            int rc = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
            assertThat(rc).isZero();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
