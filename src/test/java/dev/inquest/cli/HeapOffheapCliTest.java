package dev.inquest.cli;

import static dev.inquest.heap.query.OffHeapDump.MB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.heap.query.OffHeapDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inquest heap offheap} on the dump of known buffers and threads ({@link OffHeapDump}), and on bad input. */
@Tag("slow")
class HeapOffheapCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonCarriesTheBuffersHoldersAndStacks() throws Exception {
        CliRun r = CliRun.run("heap", "offheap", OffHeapDump.file().toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        List<String> top = new ArrayList<>();
        j.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("usedHeap", "buffers", "threadStacks", "significant", "truncated", "problems");
        JsonNode b = j.get("buffers");
        assertThat(b.get("count").asLong()).isEqualTo(15);
        assertThat(b.get("freed").asLong()).isEqualTo(1);
        assertThat(b.get("views").asLong()).isEqualTo(3);
        assertThat(b.get("direct").asLong()).isEqualTo(8);
        assertThat(b.get("directBytes").asLong()).isEqualTo(8L * MB);
        assertThat(b.get("mapped").asLong()).isEqualTo(1);
        assertThat(b.get("mappedBytes").asLong()).isEqualTo(256 * 1024);
        assertThat(b.get("pending").asLong()).isEqualTo(2);
        assertThat(b.get("pendingBytes").asLong()).isEqualTo(MB);
        assertThat(b.get("offHeapBytes").asLong()).isEqualTo(9L * MB + 256 * 1024);
        assertThat(b.get("classes").get(0).get("class").asText()).isEqualTo("java.nio.DirectByteBuffer");
        JsonNode h = b.get("holders").get(0);
        assertThat(h.get("holder").asText()).isEqualTo("OffHeapBuffers.pool");
        assertThat(h.get("kind").asText()).isEqualTo("list");
        assertThat(h.get("via").get("class").asText()).isEqualTo("java.util.ArrayList");
        assertThat(h.get("via").get("address").asText()).startsWith("0x");
        assertThat(h.get("buffers").asLong()).isEqualTo(8);
        assertThat(h.get("bytes").asLong()).isEqualTo(8L * MB);
        assertThat(b.get("jdk").get("count").asLong()).isEqualTo(10);
        JsonNode t = j.get("threadStacks");
        assertThat(t.get("ownSize").asLong()).isEqualTo(3);
        assertThat(t.get("defaultSize").asLong()).isEqualTo(768 * 1024);
        assertThat(t.get("defaultSource").asText()).isEqualTo("system property org.gradle.jvmargs");
        long threads = t.get("threads").asLong();
        assertThat(t.get("totalBytes").asLong()).isEqualTo(3 * 512 * 1024 + (threads - 3) * 768L * 1024);
        assertThat(j.get("significant").asBoolean()).isTrue();
        assertThat(j.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void textSaysTheSameInLines() throws Exception {
        CliRun r = CliRun.run("heap", "offheap", OffHeapDump.file().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Buffers: 9.2 MB off the heap in 9 buffers (8.0 MB direct, 256 KB mapped, 1.0 MB in 2 awaiting their cleaner)")
                .contains("  OffHeapBuffers.pool (list) holds 8 buffers, 8.0 MB")
                .contains("  OffHeapBuffers.mapped holds 1 buffer, 256 KB")
                .containsPattern("Thread stacks: \\d+ threads, [0-9.]+ MB of stack reserved \\(3 with a size of their own, 1.5 MB\\); "
                        + "default stack size 768 KB \\(system property org.gradle.jvmargs\\)")
                .contains("  3 threads with 512 KB");
    }

    @Test
    void badInputIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
        Path junk = Files.write(dir.resolve("junk.hprof"), "this is not a heap dump at all".getBytes());
        CliRun r = CliRun.run("heap", "offheap", junk.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("inquest: " + junk + ": not an HPROF heap dump (no 'JAVA PROFILE' header) at byte 0"
                + System.lineSeparator());
        assertThat(CliRun.run("heap", "offheap").exit()).isEqualTo(2);
    }
}
