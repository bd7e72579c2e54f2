package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.input.BadInputException;
import dev.inquest.jfr.load.ChunkHeader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.jfr.read.SummaryReader;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrLoadingTest {
    @TempDir
    Path dir;

    static RecordingSummary summary(Path file) throws Exception {
        try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
            return SummaryReader.read(s, Progress.NONE);
        }
    }

    @Test
    void hotmethodsHasThePublishedExecutionSampleCount() throws Exception {
        RecordingSummary s = summary(Corpus.file("jfr/hotmethods.jfr"));
        assertThat(s.byType()).containsEntry("jdk.ExecutionSample", 24_526L);
        assertThat(s.jvm()).startsWith("Java HotSpot(TM) 64-Bit Server VM").contains("11.0.4");
        assertThat(s.durationMillis()).isBetween(59_000L, 61_000L);
        assertThat(s.truncated()).isFalse();
        assertThat(s.gc()).isEqualTo("G1New / G1Old");
    }

    @Test
    void objectAllocationsHasThePublishedSampleCount() throws Exception {
        assertThat(summary(Corpus.file("jfr/object-allocations.jfr")).byType())
                .containsEntry("jdk.ObjectAllocationSample", 20_959L);
    }

    @Test
    void exampleHasThePublishedCounts() throws Exception {
        assertThat(summary(Corpus.file("jfr/example.jfr")).byType())
                .containsEntry("jdk.ExecutionSample", 1_031L)
                .containsEntry("jdk.ObjectAllocationInNewTLAB", 30L)
                .containsEntry("jdk.ObjectAllocationOutsideTLAB", 260L)
                .containsEntry("jdk.JavaMonitorEnter", 13L);
    }

    @Test
    void gzippedAsyncProfilerRecordingOpens() throws Exception {
        RecordingSummary s = summary(Corpus.file("jfr/async-profiler.jfr.gz"));
        assertThat(s.byType()).containsEntry("jdk.ExecutionSample", 199_661L);
    }

    @Test
    void crashRecordingWithMetadataOnlyOpensWithZeroEvents() throws Exception {
        RecordingSummary s = summary(Corpus.file("jfr/hs_err_jdk-16.jfr"));
        assertThat(s.events()).isZero();
        assertThat(s.byType()).isEmpty();
        assertThat(s.notes()).anyMatch(n -> n.contains("metadata only"));
    }

    @Test
    void jrockitRecordingIsRejectedNamingTheFormat() {
        Path f = Corpus.file("jfr/transitions_R28.2.jfr");
        assertThatThrownBy(() -> JfrSource.open(f, Progress.NONE)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("JRockit R28").hasMessageContaining("format 0.9").hasMessageContaining(f.toString());
    }

    @Test
    void jdk8RecordingIsRejectedNamingTheFormat() {
        Path f = Corpus.file("jfr/8u60.jfr");
        assertThatThrownBy(() -> JfrSource.open(f, Progress.NONE)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("JDK 7/8").hasMessageContaining("format 0.9").hasMessageNotContaining("JRockit");
    }

    @Test
    void notARecordingIsBadInputAtByteZero() throws Exception {
        Path f = dir.resolve("x.jfr");
        Files.writeString(f, "hello, this is not a recording at all; it is long enough to hold a header........");
        assertThatThrownBy(() -> JfrSource.open(f, Progress.NONE)).isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).offset()).isZero())
                .hasMessageContaining("not a flight recording");
    }

    @Test
    void countsMatchTheJdkJfrToolOnAMultiChunkChildRecording() throws Exception {
        Path file = AllocRecording.get().file();
        Map<String, Long> expected = AllocRecording.jdkSummaryCounts(file);
        assertThat(expected).containsKey("jdk.ObjectAllocationSample");
        RecordingSummary s = summary(file);
        assertThat(s.chunks()).isGreaterThanOrEqualTo(3);
        Map<String, Long> nonZero = new java.util.TreeMap<>(expected);
        nonZero.values().removeIf(v -> v == 0);
        // The jfr tool lists the chunks' metadata and constant-pool records as if they were events.
        nonZero.remove("jdk.Metadata");
        nonZero.remove("jdk.Checkpoint");
        assertThat(s.byType()).isEqualTo(nonZero);
    }

    @Test
    void cutShortRecordingKeepsEveryCompleteChunkAndSaysWhereTheRestStarts() throws Exception {
        Path file = AllocRecording.get().file();
        List<ChunkHeader> chunks;
        try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
            chunks = s.chunks();
        }
        long fullCount = summary(file).events();
        long[] cutsInto = {1, 2, chunks.size() - 1};
        long previousEvents = 0;
        for (long chunkIndex : cutsInto) {
            ChunkHeader c = chunks.get((int) chunkIndex);
            for (long cut : new long[] {c.offset() + 10, c.offset() + c.size() / 2, c.end() - 1}) {
                Path cutFile = dir.resolve("cut-" + cut + ".jfr");
                copyPrefix(file, cutFile, cut);
                RecordingSummary s = summary(cutFile);
                assertThat(s.truncated()).as("cut at %d", cut).isTrue();
                assertThat(s.truncatedAt()).isEqualTo(c.offset());
                assertThat(s.chunks()).isEqualTo((int) chunkIndex);
                assertThat(s.missing()).contains("chunk " + (chunkIndex + 1));
                assertThat(s.events()).isLessThan(fullCount);
                assertThat(s.events()).isGreaterThanOrEqualTo(previousEvents);
            }
            previousEvents = summary(dir.resolve("cut-" + (c.end() - 1) + ".jfr")).events();
        }
        // Cut exactly at a chunk boundary: nothing is missing that a reader could tell.
        Path atBoundary = dir.resolve("boundary.jfr");
        copyPrefix(file, atBoundary, chunks.get(2).offset());
        assertThat(summary(atBoundary).truncated()).isFalse();
        assertThat(summary(atBoundary).chunks()).isEqualTo(2);
    }

    @Test
    void cutInsideTheFirstChunkIsBadInputAtByteZero() throws Exception {
        Path file = AllocRecording.get().file();
        Path cut = dir.resolve("first.jfr");
        copyPrefix(file, cut, 1000);
        assertThatThrownBy(() -> JfrSource.open(cut, Progress.NONE)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no complete chunk").hasMessageContaining("at byte 0");
    }

    @Test
    void gzipOfACutShortRecordingReadsTheCompleteChunks() throws Exception {
        Path file = AllocRecording.get().file();
        long secondChunk;
        try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
            secondChunk = s.chunks().get(1).offset();
        }
        Path gz = dir.resolve("cut.jfr.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(file), 0, (int) secondChunk + 100);
        }
        RecordingSummary s = summary(gz);
        assertThat(s.truncated()).isTrue();
        assertThat(s.truncatedAt()).isEqualTo(secondChunk);
        assertThat(s.chunks()).isEqualTo(1);
    }

    static void copyPrefix(Path from, Path to, long length) throws Exception {
        try (FileChannel in = FileChannel.open(from);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            in.transferTo(0, length, out);
        }
    }

    @Test
    void cancellationStopsReadingAndLeavesNoTempFiles() throws Exception {
        Path file = AllocRecording.get().file();
        Path cache = dir.resolve("cache");
        System.setProperty("inquest.cache", cache.toString());
        try {
            Progress cancelled = new Progress() {
                @Override
                public void phase(String name, long total, Unit unit) {
                }

                @Override
                public void progress(long done) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> SummaryReader.read(s, cancelled))
                        .isInstanceOf(java.util.concurrent.CancellationException.class);
            }
            try (var files = Files.list(cache)) {
                assertThat(files.toList()).isEmpty();
            }
        } finally {
            System.clearProperty("inquest.cache");
        }
    }
}
