package dev.inquest.jfr.load;

import dev.inquest.input.BadInputException;
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
     * @param results one per group of chunks read together (one group per worker thread), in no particular order
     * @param counts  events per type over all chunks (every type, not only the wanted ones), or
     *                null when some chunk had to be parsed unfiltered
     */
    public record Outcome<R>(List<R> results, Map<String, Long> counts) {
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
        List<ChunkHeader> chunks = source.chunks();
        int threads = Math.min(threads(), chunks.size());
        progress.phase(phase, source.readableBytes(), Progress.Unit.BYTES);
        AtomicLong done = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        boolean filter = wanted != null && !Boolean.getBoolean("inquest.jfr.nofilter");
        @SuppressWarnings("unchecked")
        Map<String, Long>[] counts = new Map[chunks.size()];
        List<R> results = java.util.Collections.synchronizedList(new ArrayList<>());
        // Each worker filters the chunks it takes into one file of its own, then parses that file
        // with one stream: the JDK parser reads unchanged metadata once per file, not once per
        // chunk. Chunks that cannot be filtered are copied as they are.
        Callable<Void> worker = () -> {
            Path group = Files.createTempFile(CacheDir.get(), "group-", ".jfr");
            try {
                long events = 0;
                try (FileChannel out = FileChannel.open(group, StandardOpenOption.WRITE)) {
                    int idx;
                    while ((idx = next.getAndIncrement()) < chunks.size()) {
                        progress.checkCancelled();
                        ChunkHeader c = chunks.get(idx);
                        ChunkFilter.Result r = filter ? ChunkFilter.filter(source.work(), c, wanted) : null;
                        if (r != null) {
                            counts[idx] = r.countsByName();
                            events += r.keptEvents();
                            if (r.keptEvents() > 0) {
                                write(out, ByteBuffer.wrap(r.chunk()));
                            }
                        } else {
                            events++;
                            try (FileChannel in = FileChannel.open(source.work())) {
                                long copied = 0;
                                while (copied < c.size()) {
                                    copied += in.transferTo(c.offset() + copied, c.size() - copied, out);
                                }
                            }
                        }
                        progress.progress(done.addAndGet(c.size() / 2));
                    }
                }
                ChunkTask<R> task = factory.get();
                if (events > 0) {
                    parse(source, group, chunks.getFirst().offset(), task, progress);
                }
                results.add(task.result());
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
        Map<String, Long> merged = new HashMap<>();
        boolean complete = true;
        for (Map<String, Long> m : counts) {
            if (m == null) {
                complete = false;
                break;
            }
            m.forEach((k, v) -> merged.merge(k, v, Long::sum));
        }
        return new Outcome<>(List.copyOf(results), complete ? merged : null);
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

    private static void parse(JfrSource source, Path file, long offset, ChunkTask<?> task, Progress progress) {
        long[] count = {0};
        Runnable tick = () -> {
            if ((++count[0] & CANCEL_CHECK_MASK) == 0) {
                progress.checkCancelled();
            }
        };
        try (EventStream stream = EventStream.openFile(file)) {
            // Order does not matter to aggregations, and reuse spares an allocation per event;
            // tasks never keep a RecordedEvent beyond its handler.
            stream.setOrdered(false);
            stream.setReuse(true);
            task.subscribe(stream, tick);
            stream.start();
        } catch (IOException e) {
            throw new BadInputException(source.file(), "unreadable recording data (" + e.getMessage() + ")", offset, e);
        } catch (CancellationException e) {
            throw e;
        } catch (IllegalStateException | IllegalArgumentException | InternalError e) {
            // The JDK parser signals some malformed input this way rather than with IOException.
            throw new BadInputException(source.file(), "unreadable recording data (" + e + ")", offset, e);
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
