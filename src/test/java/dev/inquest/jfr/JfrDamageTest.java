package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.input.BadInputException;
import dev.inquest.jfr.load.ChunkHeader;
import dev.inquest.jfr.load.ChunkReader;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.read.StackTreeReader;
import dev.inquest.jfr.read.SummaryReader;
import dev.inquest.jfr.diff.DiffTree;
import dev.inquest.jfr.read.TreeBuilder;
import dev.inquest.jfr.render.CollapsedWriter;
import dev.inquest.jfr.render.FlameIndex;
import dev.inquest.jfr.render.FlameTransforms;
import dev.inquest.jfr.render.StackTreeFlame;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.FrameType;
import dev.inquest.jfr.stack.Weight;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.summary.ChunkDamage;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.progress.Progress;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jdk.jfr.consumer.EventStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: damaged recordings. Each test mutates the multi-chunk recording {@link AllocRecording}
 * writes (offsets found from its own chunk headers, so they hold for any run) and checks that the
 * damage is named with its byte offset and that every answer counts exactly the undamaged chunks:
 * the oracle is the same recording with the damaged chunk left out.
 */
class JfrDamageTest {
    @TempDir
    Path dir;

    static List<ChunkHeader> chunks(Path file) throws Exception {
        try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
            return s.chunks();
        }
    }

    static RecordingSummary summary(Path file) throws Exception {
        try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
            return SummaryReader.read(s, Progress.NONE);
        }
    }

    static StackTree allocTree(Path file) throws Exception {
        try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
            return StackTreeReader.read(s, StackTreeQuery.of(EventKind.ALLOC), Progress.NONE);
        }
    }

    /** The recording with one chunk left out: what a reader that skips that chunk must answer. */
    Path without(Path file, ChunkHeader skipped) throws Exception {
        byte[] all = Files.readAllBytes(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(all, 0, (int) skipped.offset());
        out.write(all, (int) skipped.end(), all.length - (int) skipped.end());
        Path p = dir.resolve("without-" + skipped.offset() + ".jfr");
        Files.write(p, out.toByteArray());
        return p;
    }

    Path mutated(Path file, String name, java.util.function.Consumer<byte[]> change) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        change.accept(bytes);
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** JFR's compressed long at {@code at[0]}, advancing it. */
    static long varLong(byte[] b, int[] at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int x = b[at[0]++];
            v |= (long) (x & 0x7f) << (7 * i);
            if (x >= 0) {
                return v;
            }
        }
        return v | (long) (b[at[0]++] & 0xff) << 56;
    }

    /** Asserts the damaged file reads exactly as the file without {@code chunk}, and names one damage. */
    static ChunkDamage assertSkipped(Path damaged, Path oracle, int chunkNumber) throws Exception {
        RecordingSummary s = summary(damaged);
        RecordingSummary expected = summary(oracle);
        assertThat(s.truncated()).isTrue();
        assertThat(s.byType()).isEqualTo(expected.byType());
        assertThat(s.events()).isEqualTo(expected.events()).isLessThan(summary(AllocRecording.get().file()).events());
        assertThat(s.problems()).hasSize(1);
        assertThat(s.problems().getFirst()).startsWith("chunk " + chunkNumber + " skipped, damaged: ");
        StackTree t = allocTree(damaged);
        StackTree te = allocTree(oracle);
        assertThat(t.events()).isEqualTo(te.events());
        assertThat(t.total()).isEqualTo(te.total());
        try (Recording r = Recording.open(damaged, Progress.NONE)) {
            r.summary(Progress.NONE);
            assertThat(r.partial()).isTrue();
            assertThat(r.damage()).hasSize(1);
            return r.damage().getFirst();
        }
    }

    /**
     * Item 1: the first byte of chunk 2's metadata string table (the encoding byte of string 0)
     * set to 9, an encoding JFR does not have. The JDK's parser throws IndexOutOfBoundsException
     * in MetadataReader.readString on such bytes; the chunk is now skipped and named.
     */
    @Test
    void damagedMetadataSkipsThatChunkAndNamesItAtTheMetadataRecord() throws Exception {
        Path file = AllocRecording.get().file();
        ChunkHeader c = chunks(file).get(1);
        int[] at = {(int) (c.offset() + c.metadataOffset())};
        byte[] whole = Files.readAllBytes(file);
        for (int i = 0; i < 6; i++) {
            varLong(whole, at); // size, type, start, duration, metadata id, string count
        }
        int encoding = at[0];
        assertThat(whole[encoding]).as("string 0's encoding byte").isBetween((byte) 0, (byte) 5);
        Path damaged = mutated(file, "meta.jfr", b -> b[encoding] = 9);
        ChunkDamage d = assertSkipped(damaged, without(file, c), 2);
        assertThat(d.offset()).isEqualTo(c.offset() + c.metadataOffset());
        assertThat(d.problem()).contains("metadata").contains("cannot be read");
    }

    /** Item 4: chunk 2's header constant-pool offset set to 0 made every stack "<no stack trace>". */
    @Test
    void constantPoolOffsetZeroSkipsThatChunkInsteadOfLosingItsStacks() throws Exception {
        Path file = AllocRecording.get().file();
        ChunkHeader c = chunks(file).get(1);
        Path damaged = mutated(file, "cp0.jfr", b -> ByteBuffer.wrap(b).putLong((int) c.offset() + 16, 0));
        ChunkDamage d = assertSkipped(damaged, without(file, c), 2);
        assertThat(d.offset()).isEqualTo(c.offset() + 16);
        assertThat(d.problem()).isEqualTo("the header's constant-pool offset 0 is outside the chunk (68 to "
                + c.size() + ")");
        // The JDK's parser gave every stack of that chunk as "<no stack trace>": now only the
        // samples that had none in the file have none.
        StackNode none = allocTree(damaged).root().child("<no stack trace>");
        StackNode noneExpected = allocTree(without(file, c)).root().child("<no stack trace>");
        assertThat(none == null ? 0 : none.total()).isEqualTo(noneExpected == null ? 0 : noneExpected.total());
    }

    /** Item 4: a constant-pool offset beyond the chunk made the JDK parser drop most events, silently. */
    @Test
    void constantPoolOffsetBeyondTheChunkSkipsThatChunk() throws Exception {
        Path file = AllocRecording.get().file();
        ChunkHeader c = chunks(file).get(2);
        Path damaged = mutated(file, "cpfar.jfr",
                b -> ByteBuffer.wrap(b).putLong((int) c.offset() + 16, c.size() + 1000));
        ChunkDamage d = assertSkipped(damaged, without(file, c), 3);
        assertThat(d.offset()).isEqualTo(c.offset() + 16);
        assertThat(d.describe()).isEqualTo("chunk 3 skipped, damaged: the header's constant-pool offset "
                + (c.size() + 1000) + " is outside the chunk (68 to " + c.size() + ") at byte " + (c.offset() + 16));
    }

    /**
     * Item 4: a record's size byte flipped made the JDK parser stop early and say "not truncated".
     * The first record after chunk 2's header gets size 0; the record walk names it.
     */
    @Test
    void recordSizeDamageSkipsThatChunkAndNamesTheRecord() throws Exception {
        Path file = AllocRecording.get().file();
        ChunkHeader c = chunks(file).get(1);
        int first = (int) c.offset() + ChunkHeader.SIZE;
        Path damaged = mutated(file, "size0.jfr", b -> b[first] = 0);
        ChunkDamage d = assertSkipped(damaged, without(file, c), 2);
        assertThat(d.offset()).isEqualTo(first);
        assertThat(d.problem()).isEqualTo("a record declares size 0");
    }

    /**
     * Issue 17 (fuzz jfr:2045): a record the walk takes for a constant pool that the header's links
     * never reach (here an event whose type id is set to 1, as a shifted walk finds after a damaged
     * size). The filter could not rebuild it and handed the chunk to the JDK parser, which skips
     * such a record and said nothing; now the links are checked and the chunk is skipped and named.
     */
    @Test
    void aRecordOffTheConstantPoolLinksSkipsThatChunk() throws Exception {
        Path file = AllocRecording.get().file();
        ChunkHeader c = chunks(file).get(1);
        byte[] whole = Files.readAllBytes(file);
        int[] at = {(int) c.offset() + ChunkHeader.SIZE};
        int event = -1;
        int typeAt = -1;
        int typeEnd = -1;
        while (event < 0) {
            int start = at[0];
            long size = varLong(whole, at);
            int t = at[0];
            long type = varLong(whole, at);
            if (type > 1) {
                event = start;
                typeAt = t;
                typeEnd = at[0];
            }
            at[0] = start + (int) size;
        }
        int from = typeAt;
        int to = typeEnd;
        // Type id 1, padded to the field's width so nothing else moves.
        Path damaged = mutated(file, "type1.jfr", b -> {
            for (int i = from; i < to; i++) {
                b[i] = (byte) (i == from ? 1 : 0);
                if (i < to - 1) {
                    b[i] |= (byte) 0x80;
                }
            }
        });
        ChunkDamage d = assertSkipped(damaged, without(file, c), 2);
        assertThat(d.offset()).isEqualTo(event);
        assertThat(d.problem()).contains("constant-pool record");
    }

    /**
     * Issue 17 (fuzz jfr:2015, jfr:2045): an event's size doubled so that it swallows the next
     * event of the same size. The records still chain to the chunk's end, and the JDK parser read
     * the first event and skipped the second without a word; now each event's fields must end
     * where its size says. Chunk 2 starts with the JVM's per-chunk flag events, runs of equal size.
     */
    @Test
    void anEventSizeDoubledOverItsTwinSkipsThatChunk() throws Exception {
        Path file = AllocRecording.get().file();
        ChunkHeader c = chunks(file).get(1);
        byte[] whole = Files.readAllBytes(file);
        int[] at = {(int) c.offset() + ChunkHeader.SIZE};
        int previous = -1;
        long previousSize = -1;
        int twin = -1;
        while (at[0] < c.end() && twin < 0) {
            int start = at[0];
            long size = varLong(whole, at);
            boolean oneByte = at[0] == start + 1;
            long type = varLong(whole, at);
            if (type > 1 && oneByte && size == previousSize && 2 * size < 128) {
                twin = previous;
            }
            previous = type > 1 && oneByte ? start : -1;
            previousSize = type > 1 && oneByte ? size : -1;
            at[0] = start + (int) size;
        }
        assertThat(twin).as("two events of the same size, one after the other, in chunk 2").isPositive();
        int event = twin;
        int size = whole[event];
        Path damaged = mutated(file, "twin.jfr", b -> b[event] = (byte) (2 * size));
        ChunkDamage d = assertSkipped(damaged, without(file, c), 2);
        assertThat(d.offset()).isEqualTo(event);
        assertThat(d.problem()).matches("a [\\w.]+ event declares " + 2 * size + " bytes but its fields take " + size);
    }

    /**
     * Issue 20: the raw walk checks events a slice of records at a time, layouts of numbers and
     * constant-pool references (the TLAB events', the module exports') walked inline; an event's
     * size doubled over its twin deep in a chunk, well past the first slices, is found as the first
     * one was.
     */
    @Test
    void anEventDoubledDeepInAChunkSkipsThatChunk() throws Exception {
        Path file = AllocRecording.get().file();
        ChunkHeader c = chunks(file).get(1);
        byte[] whole = Files.readAllBytes(file);
        java.util.Map<Long, Long> byType = new java.util.HashMap<>();
        int[] at = {(int) c.offset() + ChunkHeader.SIZE};
        // The most frequent event type of the chunk (module exports, allocation samples): runs of equal sizes.
        while (at[0] < c.end()) {
            int start = at[0];
            long size = varLong(whole, at);
            byType.merge(varLong(whole, at), 1L, Long::sum);
            at[0] = start + (int) size;
        }
        long commonest = byType.entrySet().stream().filter(e -> e.getKey() > 1)
                .max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        at[0] = (int) c.offset() + ChunkHeader.SIZE;
        int index = 0;
        int previous = -1;
        long previousSize = -1;
        int twin = -1;
        while (at[0] < c.end() && twin < 0) {
            int start = at[0];
            long size = varLong(whole, at);
            boolean oneByte = at[0] == start + 1;
            long type = varLong(whole, at);
            boolean candidate = type == commonest && oneByte && 2 * size < 128;
            if (index++ > 600 && candidate && size == previousSize) {
                twin = previous;
            }
            previous = candidate ? start : -1;
            previousSize = candidate ? size : -1;
            at[0] = start + (int) size;
        }
        assertThat(twin).as("two events of the same size, one after the other, deep in chunk 2").isPositive();
        int event = twin;
        int size = whole[event];
        Path damaged = mutated(file, "deep-twin.jfr", b -> b[event] = (byte) (2 * size));
        ChunkDamage d = assertSkipped(damaged, without(file, c), 2);
        assertThat(d.offset()).isEqualTo(event);
        assertThat(d.problem()).matches("a jdk\\.\\w+ event declares " + 2 * size
                + " bytes but its fields take " + size);
    }

    /** A one-chunk recording whose only chunk is damaged has nothing to answer from: bad input, with the offset. */
    @Test
    void theOnlyChunkDamagedIsBadInputNamingIt() throws Exception {
        Path file = AllocRecording.get().file();
        ChunkHeader c = chunks(file).getFirst();
        byte[] one = java.util.Arrays.copyOf(Files.readAllBytes(file), (int) c.size());
        ByteBuffer.wrap(one).putLong(16, 0);
        Path p = dir.resolve("one.jfr");
        Files.write(p, one);
        assertThatThrownBy(() -> JfrSource.open(p, Progress.NONE)).isInstanceOf(BadInputException.class)
                .hasMessage(p + ": no readable chunk: chunk 1 is damaged, the header's constant-pool offset 0 is"
                        + " outside the chunk (68 to " + c.size() + ") at byte 16");
    }

    /**
     * Items 2, 3 and 6: when the JDK's parser (or a reader resolving its constants) throws, the
     * chunks are parsed one by one to find the damaged one, which is skipped and named in words,
     * at its offset. The throw is planted in a task, for events of chunk 3 only: the same path a
     * ClassCastException from a damaged stack-trace pool or a NullPointerException from a class
     * without a name takes.
     */
    @Test
    void aParserFailureIsPinnedToItsChunkAndNamedInWords() throws Exception {
        Path file = AllocRecording.get().file();
        List<ChunkHeader> cs = chunks(file);
        ChunkHeader bad = cs.get(2);
        // An allocation sample weight that occurs in chunk 3 (read alone) and nowhere else in the file.
        Path alone = dir.resolve("alone.jfr");
        Files.write(alone, java.util.Arrays.copyOfRange(Files.readAllBytes(file), (int) bad.offset(), (int) bad.end()));
        java.util.Map<Long, Long> inFile = weights(file);
        long weight = weights(alone).keySet().stream().filter(w -> inFile.get(w) == 1).findFirst().orElseThrow();
        for (RuntimeException planted : List.of(new ClassCastException("class RecordedObject cannot be cast to RecordedFrame"),
                new NullPointerException())) {
            Supplier<Counting> failing = () -> new Counting(weight, planted);
            try (JfrSource s = JfrSource.open(file, Progress.NONE)) {
                ChunkReader.Outcome<Long> o = ChunkReader.read(s, "test", Set.of("jdk.ObjectAllocationSample"), failing,
                        Progress.NONE);
                long seen = o.results().stream().mapToLong(Long::longValue).sum();
                assertThat(s.damage()).hasSize(1);
                ChunkDamage d = s.damage().getFirst();
                assertThat(d.chunk()).isEqualTo(3);
                assertThat(d.offset()).isEqualTo(bad.offset());
                assertThat(d.problem()).startsWith(planted instanceof ClassCastException
                        ? "a constant-pool entry has the wrong type" : "a constant-pool entry is missing")
                        .contains(planted.getClass().getSimpleName());
                try (JfrSource o2 = JfrSource.open(without(file, bad), Progress.NONE)) {
                    long expected = ChunkReader.read(o2, "test", Set.of("jdk.ObjectAllocationSample"),
                            () -> new Counting(-1, null), Progress.NONE).results().stream()
                            .mapToLong(Long::longValue).sum();
                    assertThat(seen).isEqualTo(expected).isPositive();
                }
            }
        }
    }

    static java.util.Map<Long, Long> weights(Path file) throws Exception {
        java.util.Map<Long, Long> n = new java.util.LinkedHashMap<>();
        for (var e : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
                n.merge(e.getLong("weight"), 1L, Long::sum);
            }
        }
        return n;
    }

    /** Counts allocation samples; throws {@code planted} from result() if it saw the sample of this weight. */
    static final class Counting implements ChunkReader.ChunkTask<Long> {
        private final long weight;
        private final RuntimeException planted;
        private long n;
        private boolean hit;

        Counting(long weight, RuntimeException planted) {
            this.weight = weight;
            this.planted = planted;
        }

        @Override
        public void subscribe(EventStream stream, Runnable tick) {
            stream.onEvent("jdk.ObjectAllocationSample", e -> {
                tick.run();
                n++;
                hit |= e.getLong("weight") == weight;
            });
        }

        @Override
        public Long result() {
            if (hit && planted != null) {
                throw planted;
            }
            return n;
        }
    }

    /**
     * Item 7: walks over a stack tree are iterative; 100,000 levels (a recursive workload, or a
     * hostile file's stack trace) do not overflow the stack: merging and freezing per-chunk trees,
     * height, totals, collapsed stacks, the differential tree, the allocation tables' walk and the
     * flame graph's index.
     */
    @Test
    void aHundredThousandLevelsDeepTreeIsWalkedWithoutRecursion() throws Exception {
        int depth = 100_000;
        TreeBuilder.Frame[] path = new TreeBuilder.Frame[depth];
        for (int i = 0; i < depth - 1; i++) {
            path[i] = new TreeBuilder.Frame("f" + i, FrameType.JIT_COMPILED);
        }
        path[depth - 1] = new TreeBuilder.Frame("byte[]", FrameType.CLASS);
        TreeBuilder a = new TreeBuilder();
        a.add(path, 5);
        TreeBuilder b = new TreeBuilder();
        b.add(path, 2);
        b.add(java.util.Arrays.copyOf(path, 10), 1);
        a.merge(b);
        StackNode root = a.freeze(0);
        assertThat(root.height()).isEqualTo(depth);
        assertThat(root.total()).isEqualTo(8);
        StackTree tree = new StackTree(root, Weight.BYTES, List.of("jdk.ObjectAllocationSample"), 3, false);
        assertThat(tree.totalOf("byte[]")).isEqualTo(7);
        assertThat(tree.totalOf("f9")).isEqualTo(8);
        assertThat(tree.totalOf("nowhere")).isZero();

        java.io.StringWriter collapsed = new java.io.StringWriter();
        CollapsedWriter.write(tree, collapsed);
        String[] lines = collapsed.toString().split("\n");
        assertThat(lines).hasSize(2);
        // Depth first, a node's own line before its children's, as flamegraph.pl expects.
        assertThat(lines[0]).isEqualTo("f0;f1;f2;f3;f4;f5;f6;f7;f8;f9 1");
        assertThat(lines[1]).startsWith("f0;f1;f2;").endsWith(";f99998;byte[] 7");
        assertThat(lines[1].split(";")).hasSize(depth);

        DiffTree diff = Recording.diff(tree, tree);
        java.io.StringWriter diffCollapsed = new java.io.StringWriter();
        CollapsedWriter.write(diff, diffCollapsed);
        assertThat(diffCollapsed.toString().split("\n")).containsExactly("f0;f1;f2;f3;f4;f5;f6;f7;f8;f9 1 1",
                lines[1].substring(0, lines[1].length() - 2) + " 7 7");

        FlameIndex index = FlameIndex.of(StackTreeFlame.of(tree));
        assertThat(index.count()).isEqualTo(depth + 1);
        assertThat(index.maxDepth()).isEqualTo(depth);

        // The window's views of the same tree.
        var flame = StackTreeFlame.of(tree);
        var reversed = FlameTransforms.reverse(flame);
        assertThat(FlameIndex.of(reversed).maxDepth()).isEqualTo(depth);
        // Leaves first: the first-seen stack (f0..f9, self 1) then the deep one (byte[], 7).
        assertThat(reversed.children()).extracting(c -> c.label() + " " + c.total()).containsExactly("f9 1", "byte[] 7");
        var focused = FlameTransforms.focus(flame, FlameTransforms.labelIs("f50000"));
        assertThat(focused.total()).isEqualTo(7);
        assertThat(FlameIndex.of(focused).maxDepth()).isEqualTo(depth - 50_000);
        var excluded = FlameTransforms.exclude(flame, FlameTransforms.labelIs("f50000"));
        assertThat(excluded.total()).isEqualTo(1);
        assertThat(FlameTransforms.collapseRecursion(flame).total()).isEqualTo(8);
        assertThat(FlameIndex.of(FlameTransforms.prune(flame, 0.5)).maxDepth()).isEqualTo(depth);
        var differential = FlameTransforms.diff(flame, flame);
        assertThat(FlameTransforms.count(differential)).isEqualTo(depth + 1);
        assertThat(differential.baseline()).isEqualTo(8);
        String folded = dev.inquest.jfr.render.CollapsedStacks.write(flame);
        assertThat(folded.split("\n")).hasSize(2);
        assertThat(folded.split("\n")[1]).endsWith(";f99998_[j];byte[]_[a] 7").startsWith("f0_[j];f1_[j];");
    }
}
