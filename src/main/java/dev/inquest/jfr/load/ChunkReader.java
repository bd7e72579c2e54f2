package dev.inquest.jfr.load;

import dev.inquest.input.BadInputException;
import dev.inquest.jfr.summary.ChunkDamage;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jdk.jfr.consumer.EventStream;

/**
 * Runs one {@link ChunkTask} per chunk with the JDK's {@link EventStream}, chunks in parallel on
 * the available cores. Chunks are independent (own metadata and constant pools), so each task
 * aggregates on its own and the caller merges the per-chunk results — no locks on the hot path.
 *
 * <p>When the caller names the event types it needs, each chunk is first cut down to those
 * events by {@link ChunkFilter} (a raw scan, several times cheaper than letting the JDK parser
 * skip the others), which also yields the chunk's event counts by type for free.
 */
public final class ChunkReader {
    private static final int CANCEL_CHECK_MASK = (1 << 13) - 1;

    private ChunkReader() {
    }

    /** Per-chunk work: subscribe handlers, then hand back what was aggregated. */
    public interface ChunkTask<R> {
        /** Registers {@code onEvent(name, ...)} handlers; call {@code tick.run()} per event for cancellation. */
        void subscribe(EventStream stream, Runnable tick);

        R result();
    }

    /**
     * @param results one per group of chunks read together (one group per worker thread), in the order of
     *                each group's first chunk; which chunks a group holds varies from run to run, so a
     *                caller's merge must not depend on it (sort series by a total order, sum exactly)
     * @param counts  events per type over all chunks (every type, not only the wanted ones), or
     *                null when some chunk had to be parsed unfiltered
     * @param sums    the fields summed on the raw bytes, per event type, over all chunks; null when
     *                none were asked for or some chunk could not be summed that way
     * @param byChunk {@code counts} chunk by chunk, in {@link JfrSource#chunks()} order (empty for a
     *                damaged chunk); null when {@code counts} is
     */
    public record Outcome<R>(List<R> results, Map<String, Long> counts, Map<String, Long> sums,
                             List<Map<String, Long>> byChunk) {
        public Outcome(List<R> results, Map<String, Long> counts) {
            this(results, counts, null, null);
        }
    }

    /** Same as {@link #read(JfrSource, String, Set, Supplier, Progress)} without filtering. */
    public static <R> List<R> read(JfrSource source, String phase, Supplier<? extends ChunkTask<R>> factory,
                                   Progress progress) throws IOException {
        return read(source, phase, null, factory, progress).results();
    }

    /**
     * Reads every complete chunk.
     *
     * @param wanted the event types the tasks subscribe to, or null to hand them every event
     */
    public static <R> Outcome<R> read(JfrSource source, String phase, Set<String> wanted,
                                      Supplier<? extends ChunkTask<R>> factory, Progress progress) throws IOException {
        return read(source, phase, wanted, Map.of(), factory, progress);
    }

    /**
     * Reads every complete chunk, and sums one numeric field per event type named in {@code sum}
     * (type name to field name) on the raw bytes while filtering, without parsing those events.
     */
    public static <R> Outcome<R> read(JfrSource source, String phase, Set<String> wanted, Map<String, String> sum,
                                      Supplier<? extends ChunkTask<R>> factory, Progress progress) throws IOException {
        List<ChunkHeader> chunks = source.chunks();
        int threads = Math.min(threads(), chunks.size());
        progress.phase(phase, source.readableBytes(), Progress.Unit.BYTES);
        AtomicLong done = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        boolean filter = wanted != null && !Boolean.getBoolean("inquest.jfr.nofilter");
        @SuppressWarnings("unchecked")
        Map<String, Long>[] counts = new Map[chunks.size()];
        @SuppressWarnings("unchecked")
        Map<String, Long>[] sums = new Map[chunks.size()];
        // Each group's result keyed by the index of its first chunk: handed back in chunk order, not
        // in the order the workers finish, so the merge is the same whichever worker ends first.
        java.util.concurrent.ConcurrentSkipListMap<Integer, R> results = new java.util.concurrent.ConcurrentSkipListMap<>();
        AtomicInteger emptyGroups = new AtomicInteger();
        boolean reversed = "reversed".equals(System.getProperty(ORDER_PROPERTY));
        ChunkHeader clock = chunks.isEmpty() ? null : chunks.getFirst();
        // Each worker filters the chunks it takes into one file of its own, then parses that file
        // with one stream: the JDK parser reads unchanged metadata once per file, not once per
        // chunk. Chunks that cannot be filtered are copied as they are.
        Callable<Void> worker = () -> {
            Path group = Files.createTempFile(dev.inquest.input.GzipCache.cacheDir(), "group-", ".jfr");
            try {
                Group g = new Group();
                try (FileChannel out = FileChannel.open(group, StandardOpenOption.WRITE)) {
                    int idx;
                    while ((idx = next.getAndIncrement()) < chunks.size()) {
                        if (reversed) {
                            idx = chunks.size() - 1 - idx;
                        }
                        progress.checkCancelled();
                        ChunkHeader c = chunks.get(idx);
                        if (source.skipped(c)) {
                            counts[idx] = Map.of(); // found damaged by an earlier read
                            sums[idx] = Map.of();
                        } else {
                            g.add(idx, c, copy(source, c, clock, filter, wanted, sum, out, counts, sums, idx));
                        }
                        progress.progress(done.addAndGet(c.size() / 2));
                    }
                }
                // The lowest chunk of the group (taken first, or last when reversed) keys its result.
                int key = g.indexes.isEmpty() ? chunks.size() + emptyGroups.getAndIncrement()
                        : g.indexes.stream().mapToInt(Integer::intValue).min().getAsInt();
                results.put(key, parseGroup(source, group, g, chunks, clock, filter, wanted, factory, counts, progress));
                return null;
            } finally {
                ChunkFilter.releaseBuffer();
                Files.deleteIfExists(group);
            }
        };
        if (threads <= 1) {
            try {
                worker.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "jfr-chunk-reader");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    get(f);
                }
            } finally {
                pool.shutdownNow();
                // A failed or cancelled read returns only when every worker has deleted its
                // group file: the caller may check the cache (or remove it) right away.
                try {
                    if (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                        System.getLogger("inquest.jfr").log(System.Logger.Level.WARNING,
                                "JFR reader threads did not stop within a minute");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        progress.progress(source.readableBytes());
        if (chunks.stream().allMatch(source::skipped)) {
            // Nothing left to answer from: the damage is the answer.
            ChunkDamage d = source.damage().getFirst();
            throw new BadInputException(source.file(), "no readable chunk: chunk " + d.chunk() + " is damaged, "
                    + d.problem(), d.offset());
        }
        Map<String, Long> merged = new HashMap<>();
        boolean complete = true;
        for (Map<String, Long> m : counts) {
            if (m == null) {
                complete = false;
                break;
            }
            m.forEach((k, v) -> merged.merge(k, v, Long::sum));
        }
        Map<String, Long> summed = null;
        if (!sum.isEmpty()) {
            summed = new HashMap<>();
            for (Map<String, Long> m : sums) {
                if (m == null) {
                    summed = null;
                    break;
                }
                for (Map.Entry<String, Long> e : m.entrySet()) {
                    summed.merge(e.getKey(), e.getValue(), Long::sum);
                }
            }
        }
        return new Outcome<>(List.copyOf(results.values()), complete ? merged : null, summed, complete ? List.of(counts) : null);
    }

    private static void write(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static void get(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /**
     * Appends chunk {@code idx}, filtered to the wanted events when possible, to {@code out}.
     *
     * @return the events of the wanted types it adds, {@link #WHOLE} for a chunk copied whole, or
     *         {@link #DAMAGED} when it is damaged and skipped
     */
    private static long copy(JfrSource source, ChunkHeader c, ChunkHeader clock, boolean filter, Set<String> wanted,
                             Map<String, String> sum, FileChannel out, Map<String, Long>[] counts,
                             Map<String, Long>[] sums, int idx) throws IOException {
        long at = out.position();
        try {
            ChunkFilter.Result r = filter ? ChunkFilter.filter(source.work(), c, wanted, sum) : null;
            if (r != null) {
                counts[idx] = r.countsByName();
                sums[idx] = r.sums();
                if (r.keptEvents() > 0) {
                    write(out, ByteBuffer.wrap(r.chunk()));
                    setClock(out, at, c, clock);
                }
                return r.keptEvents();
            }
            ChunkFilter.validate(source.work(), c);
        } catch (ChunkFilter.Damaged d) {
            source.damaged(c, d.position, d.getMessage());
            counts[idx] = Map.of();
            sums[idx] = Map.of();
            return DAMAGED;
        }
        try (FileChannel in = FileChannel.open(source.work())) {
            long copied = 0;
            while (copied < c.size()) {
                copied += in.transferTo(c.offset() + copied, c.size() - copied, out);
            }
        }
        setClock(out, at, c, clock);
        return WHOLE;
    }

    /** Test hook: "reversed" makes the workers take the chunks last to first (a worst case for merge order). */
    static final String ORDER_PROPERTY = "inquest.jfr.chunkOrder";

    private static final int START_NANOS = 32;
    private static final int START_TICKS = 48;

    /**
     * Gives the chunk copied at {@code at} the clock of the recording's first chunk. The JDK's parser
     * converts every tick of a stream with the first chunk it reads (it keeps that chunk's converter
     * for the chunks after it), so without this an event's time would depend on which chunk led its
     * worker's group: tens of nanoseconds apart from run to run and between 1 and 2 threads. With
     * it, every path converts as one stream over the whole file does ({@code jfr print} included),
     * and so do the event browser's one-chunk copies ({@link ChunkCopy}).
     * Chunks on another tick rate (recordings of different JVMs joined) keep their own clock.
     */
    static void setClock(FileChannel out, long at, ChunkHeader c, ChunkHeader clock) throws IOException {
        if (clock == null || clock.offset() == c.offset() || clock.ticksPerSecond() != c.ticksPerSecond()) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(8);
        b.putLong(0, clock.startNanos());
        writeAt(out, b, at + START_NANOS);
        b.clear();
        b.putLong(0, clock.startTicks());
        writeAt(out, b, at + START_TICKS);
    }

    private static void writeAt(FileChannel out, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            p += out.write(b, p);
        }
    }

    /** The chunks one worker put in its group file, and how many events the JDK parser must hand back. */
    private static final class Group {
        final List<Integer> indexes = new ArrayList<>();
        final List<ChunkHeader> chunks = new ArrayList<>();
        long events;
        /** Events of the wanted types kept by the filter, or -1 when a chunk was copied whole (not counted). */
        long expected;

        void add(int idx, ChunkHeader c, long kept) {
            if (kept == DAMAGED) {
                return;
            }
            indexes.add(idx);
            chunks.add(c);
            if (kept == WHOLE) {
                events++;
                expected = -1;
            } else {
                events += kept;
                if (expected >= 0) {
                    expected += kept;
                }
            }
        }
    }

    private static final long DAMAGED = -1;
    private static final long WHOLE = -2;

    /**
     * Parses one worker's group file. When the JDK parser fails, or hands back fewer events than
     * the filter kept (it stops early at some damage and says nothing), the chunks are parsed one
     * by one to find the damaged ones, which are skipped and named; the rest is parsed again.
     */
    private static <R> R parseGroup(JfrSource source, Path file, Group g, List<ChunkHeader> all, ChunkHeader clock,
                                    boolean filter,
                                    Set<String> wanted, Supplier<? extends ChunkTask<R>> factory,
                                    Map<String, Long>[] counts, Progress progress) throws IOException {
        while (true) {
            if (g.events == 0) {
                return factory.get().result();
            }
            Throwable failure;
            try {
                Parsed<R> p = parse(file, factory.get(), g.expected >= 0, progress);
                if (g.expected < 0 || p.events >= g.expected) {
                    return p.result;
                }
                failure = null;
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException | InternalError | StackOverflowError e) {
                failure = e;
            }
            if (!locate(source, g, filter, wanted, factory, counts)) {
                // Only together (chunks are self-contained, so this should not happen): name the first.
                ChunkHeader first = g.chunks.getFirst();
                String why = failure == null ? "the JDK's parser stops early in it" : words(failure);
                throw new BadInputException(source.file(), "chunk " + source.number(first) + " or one read with it is"
                        + " damaged, " + why, first.offset());
            }
            Group again = new Group();
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (int i = 0; i < g.chunks.size(); i++) {
                    ChunkHeader c = g.chunks.get(i);
                    if (!source.skipped(c)) {
                        // The sums were taken on the first copy; this one only rebuilds the group's file.
                        again.add(g.indexes.get(i), c, copy(source, c, clock, filter, wanted, Map.of(), out, counts,
                                new Map[counts.length], g.indexes.get(i)));
                    }
                }
            }
            g = again;
        }
    }

    /**
     * Parses each chunk of the group on its own; those the JDK parser fails on, or reads only part
     * of, are recorded as damaged. Whether any was.
     */
    private static boolean locate(JfrSource source, Group g, boolean filter, Set<String> wanted,
                                  Supplier<? extends ChunkTask<?>> factory, Map<String, Long>[] counts)
            throws IOException {
        boolean found = false;
        for (int i = 0; i < g.chunks.size(); i++) {
            ChunkHeader c = g.chunks.get(i);
            Path one = Files.createTempFile(dev.inquest.input.GzipCache.cacheDir(), "chunk-", ".jfr");
            try {
                Group single = new Group();
                try (FileChannel out = FileChannel.open(one, StandardOpenOption.WRITE)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Long>[] ignored = new Map[1];
                    single.add(0, c, copy(source, c, null, filter, wanted, Map.of(), out, ignored, new Map[1], 0));
                }
                if (single.events > 0) {
                    Parsed<?> p = parse(one, factory.get(), single.expected >= 0, Progress.NONE);
                    if (single.expected >= 0 && p.events < single.expected) {
                        source.damaged(c, 0, "the JDK's parser stops after " + p.events + " of its "
                                + single.expected + " events (a damaged record or constant pool)");
                        counts[g.indexes.get(i)] = Map.of();
                        found = true;
                    }
                }
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException | InternalError | StackOverflowError e) {
                source.damaged(c, metadataFailure(e) ? c.metadataOffset() : 0, words(e));
                counts[g.indexes.get(i)] = Map.of();
                found = true;
            } finally {
                Files.deleteIfExists(one);
            }
        }
        return found;
    }

    private static boolean metadataFailure(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().contains(".Metadata")) {
                return true;
            }
        }
        return false;
    }

    /** What the JDK parser's exception means for the user, in words, with the exception for reference. */
    private static String words(Throwable e) {
        String what;
        if (metadataFailure(e)) {
            what = "its metadata (the descriptions of the event types) cannot be read";
        } else if (e instanceof ClassCastException) {
            what = "a constant-pool entry has the wrong type (for example a stack frame that is not a frame)";
        } else if (e instanceof NullPointerException) {
            what = "a constant-pool entry is missing (a class, method or name an event refers to)";
        } else if (e instanceof IndexOutOfBoundsException) {
            what = "a value runs past the end of its record";
        } else if (e instanceof StackOverflowError) {
            what = "its values nest too deep to be real";
        } else {
            what = "the JDK's parser cannot read it";
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return what + " (" + detail + ")";
    }

    /** A task's result and how many events the JDK parser handed to the stream (-1 when not counted). */
    private record Parsed<R>(R result, long events) {
    }

    /** Parses {@code file} into {@code task} and asks it for its result (which may resolve constants too). */
    private static <R> Parsed<R> parse(Path file, ChunkTask<R> task, boolean count, Progress progress)
            throws IOException {
        long[] ticks = {0};
        long[] events = {0};
        Runnable tick = () -> {
            if ((++ticks[0] & CANCEL_CHECK_MASK) == 0) {
                progress.checkCancelled();
            }
        };
        try (EventStream stream = EventStream.openFile(file)) {
            // Order does not matter to aggregations, and reuse spares an allocation per event;
            // tasks never keep a RecordedEvent beyond its handler.
            stream.setOrdered(false);
            stream.setReuse(true);
            if (count) {
                // A filtered file holds only the wanted events: fewer back means the parser stopped early.
                stream.onEvent(e -> events[0]++);
            }
            task.subscribe(stream, tick);
            stream.start();
            return new Parsed<>(task.result(), count ? events[0] : -1);
        } catch (IOException e) {
            // The parser's own I/O errors on a file we wrote ourselves are the chunk's damage.
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int threads() {
        String configured = System.getProperty("inquest.jfr.threads");
        if (configured != null) {
            return Math.max(1, Integer.parseInt(configured));
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
