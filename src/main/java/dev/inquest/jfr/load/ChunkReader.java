package dev.inquest.jfr.load;

import dev.inquest.input.BadInputException;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Why {@link EventStream} rather than {@code RecordingFile}: the stream parses only event types
 * that have a registered handler and skips the rest by their size prefix, so a task that asks for
 * allocation samples never pays for the execution samples or GC events around them.
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

    /** The results of the tasks, one per group of chunks read together, in file order. */
    public static <R> List<R> read(JfrSource source, String phase, Supplier<? extends ChunkTask<R>> factory,
                                   Progress progress) throws IOException {
        List<ChunkHeader> chunks = source.chunks();
        int threads = Math.min(threads(), chunks.size());
        progress.phase(phase, source.readableBytes(), Progress.Unit.BYTES);
        if (threads <= 1) {
            ChunkTask<R> task = factory.get();
            parse(source, source.readablePath(), chunks.getFirst().offset(), task, progress);
            progress.progress(source.readableBytes());
            return List.of(task.result());
        }
        AtomicLong done = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jfr-chunk-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Indexed<R>>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    List<Indexed<R>> mine = new ArrayList<>();
                    int idx;
                    while ((idx = next.getAndIncrement()) < chunks.size()) {
                        progress.checkCancelled();
                        ChunkHeader c = chunks.get(idx);
                        Path f = source.chunkFile(c);
                        try {
                            ChunkTask<R> task = factory.get();
                            parse(source, f, c.offset(), task, progress);
                            mine.add(new Indexed<>(idx, task.result()));
                        } finally {
                            source.release(f);
                        }
                        progress.progress(done.addAndGet(c.size()));
                    }
                    return mine;
                }));
            }
            @SuppressWarnings("unchecked")
            R[] ordered = (R[]) new Object[chunks.size()];
            for (Future<List<Indexed<R>>> f : futures) {
                for (Indexed<R> r : get(f)) {
                    ordered[r.index] = r.value;
                }
            }
            List<R> out = new ArrayList<>(ordered.length);
            for (R r : ordered) {
                out.add(r);
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Indexed<R>(int index, R value) {
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
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
        } catch (IllegalStateException | IllegalArgumentException e) {
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
