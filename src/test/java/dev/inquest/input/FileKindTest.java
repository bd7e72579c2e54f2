package dev.inquest.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKindTest {
    static final Path CORPUS = dev.inquest.testing.Corpus.root();

    @TempDir
    Path dir;

    @Test
    void detectsByContentNotName() throws IOException {
        Path heap = dir.resolve("looks-like.jfr");
        Files.write(heap, "JAVA PROFILE 1.0.2\0\0\0\0\u0008".getBytes(StandardCharsets.ISO_8859_1));
        Path rec = dir.resolve("looks-like.hprof");
        Files.write(rec, new byte[] {'F', 'L', 'R', 0, 0, 2, 0, 1});
        Path kase = dir.resolve("case.txt");
        Files.writeString(kase, "  {\n \"formatVersion\" : 1, \"title\": \"x\" }");
        Path junk = dir.resolve("junk.hprof");
        Files.write(junk, new byte[] {1, 2, 3});
        assertThat(FileKind.detect(heap)).isEqualTo(FileKind.HEAP_DUMP);
        assertThat(FileKind.detect(rec)).isEqualTo(FileKind.RECORDING);
        assertThat(FileKind.detect(kase)).isEqualTo(FileKind.CASE);
        assertThat(FileKind.detect(junk)).isEqualTo(FileKind.UNKNOWN);
    }

    @Test
    void looksThroughGzip() throws IOException {
        Path gz = dir.resolve("dump.bin");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("JAVA PROFILE 1.0.2\0".getBytes(StandardCharsets.ISO_8859_1));
        }
        assertThat(FileKind.detect(gz)).isEqualTo(FileKind.HEAP_DUMP);
    }

    @Test
    void corpusFiles() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus absent");
        assertThat(FileKind.detect(CORPUS.resolve("hprof/openjdk_jdk11_04_x64.hprof.gz"))).isEqualTo(FileKind.HEAP_DUMP);
        assertThat(FileKind.detect(CORPUS.resolve("hprof/hprof-32.bin"))).isEqualTo(FileKind.HEAP_DUMP);
        assertThat(FileKind.detect(CORPUS.resolve("jfr/example.jfr"))).isEqualTo(FileKind.RECORDING);
        assertThat(FileKind.detect(CORPUS.resolve("jfr/async-profiler.jfr.gz"))).isEqualTo(FileKind.RECORDING);
    }
}
