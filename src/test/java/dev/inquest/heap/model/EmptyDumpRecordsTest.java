package dev.inquest.heap.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.testing.ChildJvm;
import dev.inquest.testing.HprofBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 90 KB file of 10,000 empty dump records (issue 17) once cost megabytes per record and ran
 * out of memory: opened here in a child JVM with a 64 MB heap, it must give its summary, with
 * the empty records named in its problems, or be refused with one clear line.
 */
@Tag("slow")
class EmptyDumpRecordsTest {
    @TempDir
    Path dir;

    private static HprofBuilder oneObject(HprofBuilder h) {
        long c = h.loadClass("x.Thing");
        h.classDump(c, 0, HprofBuilder.ref("next"));
        long o = h.id();
        h.instance(o, c, 0);
        h.rootUnknown(o);
        return h;
    }

    /** The same dump with no empty records, opened here: what the crafted ones must still count. */
    private long objectsWithoutEmpties() throws Exception {
        HprofBuilder h = oneObject(new HprofBuilder(8));
        h.endDump();
        try (HeapDump d = HeapDump.open(h.write(dir.resolve("control.hprof")), OpenOptions.DEFAULT.withIndexFile(false),
                dev.inquest.progress.Progress.NONE)) {
            assertThat(d.problems()).isEmpty();
            return d.summary().objects();
        }
    }

    private ChildJvm.Result summary(Path file) throws Exception {
        List<String> cmd = List.of(ChildJvm.java().toString(), "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-Dinquest.cache=" + dir.resolve("cache"), "-cp", System.getProperty("java.class.path"),
                "dev.inquest.Main", "heap", "summary", "--json", file.toString());
        return run(cmd);
    }

    /** As ChildJvm.run, but any exit code is a result: refusing cleanly (exit 1) is allowed. */
    private ChildJvm.Result run(List<String> cmd) throws Exception {
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM timed out: " + Files.readString(log));
        }
        return new ChildJvm.Result(p.exitValue(), Files.readString(log));
    }

    @Test
    void tenThousandEmptyHeapDumpRecordsOpenInASmallHeap() throws Exception {
        HprofBuilder h = oneObject(new HprofBuilder(8));
        h.endDump();
        long firstEmpty = h.offset();
        for (int i = 0; i < 10_000; i++) {
            h.emptyHeapDump();
        }
        Path p = h.write(dir.resolve("empties.hprof"));
        assertThat(Files.size(p)).isLessThan(100_000);
        ChildJvm.Result r = summary(p);
        assertThat(r.output()).doesNotContain("OutOfMemoryError");
        assertThat(r.exitCode()).as(r.output()).isZero();
        // The one real dump is the one read; the empty records are named, not silently dropped.
        assertThat(r.output()).contains("\"objects\" : " + objectsWithoutEmpties()).contains("\"truncated\" : true")
                .contains("\"dumps\" : 1")
                .contains("10,000 empty HEAP_DUMP records (the first at byte " + firstEmpty + ") are ignored");
    }

    @Test
    void tenThousandEmptySegmentsOpenInASmallHeap() throws Exception {
        HprofBuilder h = oneObject(new HprofBuilder(8));
        long firstEmpty = h.offset();
        for (int i = 0; i < 10_000; i++) {
            h.emptySegment();
        }
        h.endDump();
        Path p = h.write(dir.resolve("empty-segments.hprof"));
        ChildJvm.Result r = summary(p);
        assertThat(r.output()).doesNotContain("OutOfMemoryError");
        assertThat(r.exitCode()).as(r.output()).isZero();
        // Empty segments are legal and hold nothing: skipped at no cost, the dump reads as whole.
        assertThat(r.output()).contains("\"truncated\" : false")
                .contains("\"objects\" : " + objectsWithoutEmpties());
    }

    @Test
    void onlyEmptyHeapDumpRecordsAreRefusedWithOneLine() throws Exception {
        HprofBuilder h = new HprofBuilder(4);
        long first = h.offset();
        for (int i = 0; i < 10_000; i++) {
            h.emptyHeapDump();
        }
        Path p = h.write(dir.resolve("only-empties.hprof"));
        ChildJvm.Result r = summary(p);
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("inquest: " + p + ": no heap dump could be read: 10,000 empty HEAP_DUMP records "
                + "(the first at byte " + first + ") are ignored at byte " + first);
    }
}
