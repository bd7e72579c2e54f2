package dev.inquest.heap.model;

import dev.inquest.heap.MemoryBudget;
import dev.inquest.heap.index.IndexFile;
import dev.inquest.progress.Progress;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A dump's first open with its index built in a JVM of its own (issue 18): the window's process
 * runs JavaFX beside the build, and the build ran slower there than in the command line's. The
 * child runs this class's {@link #main}, which opens the dump as {@code inquest heap summary} does
 * (the same {@link HeapDump#open}, which writes the index file), reporting its phases on standard
 * output ({@link IndexBuildMessage}); the parent then maps the finished index, as a reopen does.
 *
 * <p>Cancelling closes the child's standard input (the child cancels its open, which removes its
 * temporary file), then kills it if it has not ended within two seconds and removes what it left.
 * A child that fails gives the exception an open in this process would have thrown, with the same
 * message; one the system killed says so ({@link Killed}).
 */
public final class IndexBuildProcess {
    /** Exit codes of the child: built, failed with a message, failed internally. */
    static final int BUILT = 0, FAILED = 1, INTERNAL = 3;

    /** How long a cancelled child may take to stop by itself before it is killed. */
    private static final long GRACE_MILLIS = 2000;

    /** Progress lines the child writes at most this often (the window shows progress every 250 ms). */
    private static final long ADVANCE_NANOS = 100_000_000L;

    private IndexBuildProcess() {
    }

    /**
     * How to start the child: this runtime's {@code java}, the class path and the JVM options.
     *
     * @param java       the {@code java} binary
     * @param classPath  the class path holding this class
     * @param jvmOptions the child's options (its heap limit, the properties the engine reads)
     */
    public record Launcher(Path java, String classPath, List<String> jvmOptions) {
        public Launcher {
            jvmOptions = List.copyOf(jvmOptions);
        }

        /**
         * This JVM's runtime and class path, with its maximum heap, or empty when a child cannot be
         * started like this one: no {@code java} binary in the runtime (a trimmed image), or the
         * classes run from a module path rather than a class path.
         */
        public static Optional<Launcher> current() {
            Path java = Path.of(System.getProperty("java.home"), "bin",
                    System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
            String cp = System.getProperty("java.class.path");
            if (!Files.isExecutable(java) || cp == null || cp.isBlank() || IndexBuildProcess.class.getModule().isNamed()) {
                return Optional.empty();
            }
            List<String> options = new ArrayList<>();
            // The same heap limit as this process's: the build keeps its columns off the heap, and
            // the budget (passed on) decides what it may hold.
            options.add("-Xmx" + Runtime.getRuntime().maxMemory());
            for (String name : System.getProperties().stringPropertyNames()) {
                if (name.startsWith("inquest.") || name.equals("java.io.tmpdir") || name.equals("user.home")) {
                    options.add("-D" + name + "=" + System.getProperty(name));
                }
            }
            return Optional.of(new Launcher(java, cp, options));
        }

        /** The child's command line for dump {@code which} of {@code dump}. */
        List<String> command(Path dump, OpenOptions options, int which) {
            List<String> cmd = new ArrayList<>();
            cmd.add(java.toString());
            cmd.addAll(jvmOptions);
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add(IndexBuildProcess.class.getName());
            cmd.add(dump.toString());
            cmd.add(Integer.toString(which));
            cmd.add(Boolean.toString(options.keepUnreachable()));
            MemoryBudget m = options.memory();
            if (m != null) {
                // The budget as this process computed it, so the child plans the same build.
                cmd.add(Long.toString(m.processBytes()));
                cmd.add(Long.toString(m.engineBytes()));
                cmd.add(m.source().name());
            }
            return cmd;
        }
    }

    /** The child was ended by a signal, not by its own exit: most often the kernel's, for memory. */
    public static final class Killed extends IOException {
        private final int signal;

        Killed(Path dump, int signal) {
            super(dump + ": the indexing process was " + (signal == 9
                    ? "killed by the system (signal 9), most likely for want of memory; give Inquest more memory"
                    + " (Settings, Maximum memory) or close other programs, then open the dump again"
                    : "stopped by signal " + signal + "; open the dump again"));
            this.signal = signal;
        }

        public int signal() {
            return signal;
        }
    }

    /**
     * Opens a dump as {@link HeapDump#open(Path, OpenOptions, Function, Progress)} does, building
     * its index in a child JVM when it has none. Options without an index file open here.
     */
    public static HeapDump open(Path path, OpenOptions options, Function<List<DumpChoice>, Optional<DumpChoice>> chooser,
            Progress progress, Launcher launcher) throws IOException {
        if (!options.useIndexFile()) {
            return HeapDump.open(path, options, chooser, progress);
        }
        // The child opens the file again: its first phases repeat the ones shown already.
        Set<String> shown = new HashSet<>();
        Progress noted = Progress.renaming(progress, name -> {
            shown.add(name);
            return name;
        });
        return HeapDump.open(path, options, chooser, noted, which -> build(launcher, path, options, which, progress, shown));
    }

    /** Runs the child until its index is written; throws what it reported, or why it ended. */
    static void build(Launcher launcher, Path dump, OpenOptions options, int which, Progress progress, Set<String> shown)
            throws IOException {
        Path index = IndexFile.location(dump, true);
        long started = System.currentTimeMillis();
        Process child = new ProcessBuilder(launcher.command(dump, options, which)).start();
        BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        Object end = new Object();
        Thread.ofPlatform().daemon().name("inquest-index-build-out").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    IndexBuildMessage.parse(line).ifPresent(messages::add);
                }
            } catch (IOException e) {
                // The pipe broke: the child is gone, which its exit code says.
            } finally {
                messages.add(end);
            }
        });
        ArrayDeque<String> errors = new ArrayDeque<>();
        Thread errorReader = Thread.ofPlatform().daemon().name("inquest-index-build-err").start(() -> drain(child.getErrorStream(), errors));
        boolean built = false;
        IndexBuildMessage.Failed failed = null;
        boolean ended = false;
        try {
            while (true) {
                // Every way out but "built" leaves the child to the finally below, which stops it.
                if (progress.isCancelled()) {
                    throw new CancellationException("cancelled");
                }
                Object m;
                try {
                    m = messages.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                }
                if (m == end) {
                    break;
                }
                switch (m) {
                    case IndexBuildMessage.PhaseStarted p when !shown.contains(p.name()) -> {
                        shown.add(p.name());
                        progress.phase(p.name(), p.total(), p.unit());
                    }
                    case IndexBuildMessage.Advanced a -> progress.progress(a.done());
                    case IndexBuildMessage.Built b -> built = true;
                    case IndexBuildMessage.Failed f -> failed = f;
                    case null, default -> {
                    }
                }
                if (built) {
                    // The index is on disk: map it now, while the child unmaps its copy and exits.
                    ended = true;
                    try {
                        child.getOutputStream().close(); // its input: the child is past the open, which it no longer cancels
                    } catch (IOException e) {
                        // Closed already.
                    }
                    return;
                }
            }
            int code;
            try {
                code = child.waitFor();
                errorReader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            ended = true;
            removeLeftovers(index, started);
            if (failed != null) {
                switch (failed.exception(dump)) {
                    case IOException e -> throw e;
                    case RuntimeException e -> throw e;
                    case Error e -> throw e;
                    default -> throw new IllegalStateException(failed.problem());
                }
            }
            // Ended by a signal: the JVM reports 128 + its number (Unix).
            if (code > 128 && code < 160) {
                throw new Killed(dump, code - 128);
            }
            String said;
            synchronized (errors) {
                said = errors.isEmpty() ? "" : ": " + errors.getLast();
            }
            throw new IllegalStateException(dump + ": the indexing process ended with exit code " + code + said);
        } finally {
            if (!ended) {
                stop(child, index, started); // cancelled, interrupted or failed here: a dead child's leftovers go too
            }
        }
    }

    /** Keeps the last lines the child wrote on its standard error (for a failure it could not report). */
    private static void drain(InputStream err, ArrayDeque<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("WARNING:")) {
                    continue;
                }
                synchronized (lines) {
                    lines.add(line);
                    if (lines.size() > 20) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The child is gone.
        }
    }

    /** Asks the child to stop (its input closes), kills it after the grace time, and removes what it left. */
    private static void stop(Process child, Path index, long started) {
        try {
            child.getOutputStream().close();
        } catch (IOException e) {
            // Already closed: the child is ending anyway.
        }
        try {
            if (!child.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        removeLeftovers(index, started);
    }

    /**
     * The temporary index file a killed child could not remove (its writer's, {@code NAME.inquest-index*.tmp}),
     * if made since the child started. Spill files are unlinked as soon as they are mapped: none is left.
     */
    private static void removeLeftovers(Path index, long started) {
        Path folder = index.getParent();
        String name = index.getFileName().toString();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(name) && n.endsWith(".tmp") && Files.getLastModifiedTime(f).toMillis() >= started - 2000) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // A folder we cannot list holds nothing of ours.
        }
    }

    /**
     * The child: {@code DUMP WHICH KEEP_UNREACHABLE [PROCESS_BYTES ENGINE_BYTES SOURCE]}. Builds the
     * index as {@code inquest heap summary} would and reports on standard output; its standard
     * input closing (the parent cancelled, or ended) cancels the build.
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        // Only messages on standard output: anything else printed goes to standard error.
        System.setOut(System.err);
        int code;
        try {
            Path dump = Path.of(args[0]);
            MemoryBudget budget = args.length > 5
                    ? new MemoryBudget(Long.parseLong(args[3]), Long.parseLong(args[4]), MemoryBudget.Source.valueOf(args[5]))
                    : null;
            OpenOptions options = new OpenOptions(Integer.parseInt(args[1]), Boolean.parseBoolean(args[2]), true, budget);
            java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
            Thread.ofPlatform().daemon().name("inquest-index-build-in").start(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // Nothing is sent; only the end counts.
                    }
                } catch (IOException e) {
                    // Treated as the end.
                }
                cancelled.set(true);
            });
            Progress reporting = new Progress() {
                private long lastAdvance;

                @Override
                public void phase(String name, long total, Unit unit) {
                    send(out, new IndexBuildMessage.PhaseStarted(name, total, unit));
                    lastAdvance = System.nanoTime();
                }

                @Override
                public void progress(long done) {
                    long now = System.nanoTime();
                    if (now - lastAdvance >= ADVANCE_NANOS) {
                        lastAdvance = now;
                        send(out, new IndexBuildMessage.Advanced(done));
                    }
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }
            };
            try (HeapDump d = HeapDump.open(dump, options, reporting)) {
                send(out, new IndexBuildMessage.Built());
            }
            code = BUILT;
        } catch (Throwable t) {
            IndexBuildMessage.Failed f = IndexBuildMessage.Failed.of(t);
            send(out, f);
            if (f.failure() == IndexBuildMessage.Failure.INTERNAL) {
                t.printStackTrace();
            }
            code = f.failure() == IndexBuildMessage.Failure.INTERNAL ? INTERNAL : FAILED;
        }
        out.flush();
        System.exit(code);
    }

    private static void send(PrintStream out, IndexBuildMessage m) {
        out.println(m.line());
        out.flush();
    }
}
