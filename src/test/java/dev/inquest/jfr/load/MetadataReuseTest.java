package dev.inquest.jfr.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.AllocRecording;
import dev.inquest.progress.Progress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a chunk whose metadata record repeats an earlier chunk's (after the header fields that
 * differ per chunk) reuses that parse; its own sums stay its own, and a record that differs in a
 * single byte is parsed afresh.
 */
class MetadataReuseTest {
    @Test
    void aRepeatedMetadataRecordIsParsedOnceAndADifferentOneAgain() throws Exception {
        Path file = AllocRecording.get().file();
        byte[] whole = Files.readAllBytes(file);
        List<ChunkHeader> chunks;
        try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
            chunks = s.chunks();
        }
        assertThat(chunks.size()).isGreaterThanOrEqualTo(3);
        byte[] first = chunk(whole, chunks.get(0));
        byte[] second = chunk(whole, chunks.get(1));
        int firstMeta = (int) chunks.get(0).metadataOffset();
        int secondMeta = (int) chunks.get(1).metadataOffset();
        ChunkFilter.Metadata a = ChunkFilter.metadata(ByteBuffer.wrap(first), firstMeta);
        ChunkFilter.Metadata b = ChunkFilter.metadata(ByteBuffer.wrap(second), secondMeta);
        assertThat(b).isNotSameAs(a);
        if (Arrays.equals(body(first, firstMeta), body(second, secondMeta))) {
            assertThat(b.names).isSameAs(a.names);
        }
        // Sums are per chunk even where the layouts are shared.
        ChunkFilter.Metadata again = ChunkFilter.metadata(ByteBuffer.wrap(first), firstMeta);
        assertThat(again.names).isSameAs(a.names);
        assertThat(again.prepareSums(Map.of("jdk.ObjectAllocationSample", "weight"))).isTrue();
        assertThat(again.sumAt).isNotNull();
        assertThat(a.sumAt).isNull();

        // One letter of a type name changed: parsed again, and the change shows.
        long id = a.idOf("jdk.ObjectAllocationSample");
        byte[] name = "jdk.ObjectAllocationSample".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = indexOf(first, name, firstMeta);
        assertThat(at).isPositive();
        byte[] changed = first.clone();
        changed[at + 4] = 'P'; // jdk.PbjectAllocationSample
        ChunkFilter.Metadata c = ChunkFilter.metadata(ByteBuffer.wrap(changed), firstMeta);
        assertThat(c.names).isNotSameAs(a.names);
        assertThat(c.names.get(id)).isEqualTo("jdk.PbjectAllocationSample");
        assertThat(a.names.get(id)).isEqualTo("jdk.ObjectAllocationSample");
    }

    static byte[] chunk(byte[] whole, ChunkHeader c) {
        return Arrays.copyOfRange(whole, (int) c.offset(), (int) c.end());
    }

    /** The metadata record from its string count on (what the reuse compares). */
    static byte[] body(byte[] chunk, int metaPos) {
        int[] at = {metaPos};
        long size = EventSizeCheckTest.varLong(chunk, at);
        for (int i = 0; i < 4; i++) {
            EventSizeCheckTest.varLong(chunk, at);
        }
        return Arrays.copyOfRange(chunk, at[0], metaPos + (int) size);
    }

    static int indexOf(byte[] a, byte[] what, int from) {
        outer:
        for (int i = from; i <= a.length - what.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (a[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
