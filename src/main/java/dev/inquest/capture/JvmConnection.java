package dev.inquest.capture;

import dev.inquest.input.BadInputException;
import dev.inquest.input.FileProblems;
import dev.inquest.investigation.artifact.Fingerprints;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import jdk.management.jfr.FlightRecorderMXBean;

/**
 * A connection to one JVM, to take captures from. Each capture blocks its caller (run it from a
 * background task), reports to the {@link Progress} it is given and stops when that is cancelled;
 * a capture that fails or is cancelled leaves no file behind. Close it when done: the JVM keeps
 * running, and so do recordings it was asked to keep running.
 */
public final class JvmConnection implements AutoCloseable {
    private static final String DIAGNOSTIC = "com.sun.management:type=DiagnosticCommand";
    private static final long POLL_MILLIS = 100;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Target target;
    private final JMXConnector connector;
    private final MBeanServerConnection mbs;
    private final JvmIdentity identity;

    JvmConnection(Target target, JMXConnector connector) throws IOException {
        this.target = target;
        this.connector = connector;
        this.mbs = connector.getMBeanServerConnection();
        try {
            RuntimeMXBean rt = JMX.newMXBeanProxy(mbs, new ObjectName("java.lang:type=Runtime"), RuntimeMXBean.class);
            Map<String, String> props = rt.getSystemProperties();
            String name = rt.getName(); // pid@host
            String host = name.contains("@") ? name.substring(name.indexOf('@') + 1) : "";
            String version = props.getOrDefault("java.runtime.version", props.get("java.version"));
            String vm = props.get("java.vm.name") + (props.containsKey("java.vm.vendor") ? ", " + props.get("java.vm.vendor") : "");
            this.identity = new JvmIdentity(rt.getPid(), host, target instanceof Target.Remote r ? r.describe() : null,
                    Names.mainClassOf(props.get("sun.java.command")), version, vm, Instant.ofEpochMilli(rt.getStartTime()));
        } catch (JMException | RuntimeException e) {
            connector.close();
            throw new IOException("the JVM did not say what it is: " + Connections.rootMessage(e), e);
        }
    }

    /** Which JVM this is. */
    public JvmIdentity identity() {
        return identity;
    }

    /** The target this connection was made to. */
    public Target target() {
        return target;
    }

    // ---------------------------------------------------------------- heap dumps

    /**
     * Takes a heap dump (the JVM's {@code HotSpotDiagnosticMXBean.dumpHeap}, what {@code jcmd
     * GC.heap_dump} runs). On a local JVM it is written beside {@code out} under a temporary name
     * and renamed when complete, so {@code out} never holds a partial dump; progress is the file's
     * growth; {@code gz} compresses it here afterwards, in the chunked format {@code jcmd -gz}
     * writes. On a remote JVM it is written on the JVM's machine at {@code out}, which must end in
     * {@code .hprof} (the JVM's rule), uncompressed; the result says so.
     *
     * @throws CaptureException when the JVM refuses, fails (disk full) or exits; no file is left
     * @throws BadInputException when {@code out} exists already or cannot be written
     * @throws CancellationException when cancelled: the JVM finishes its dump, which is then deleted
     */
    public CaptureResult heapDump(HeapDumpRequest request, Progress progress) throws IOException {
        boolean remote = target instanceof Target.Remote;
        Path out = remote ? request.out() : request.out().toAbsolutePath().normalize();
        if (remote && request.gz()) {
            throw new CaptureException(identity.describe() + ": over JMX the JVM writes the heap dump on its own machine, "
                    + "uncompressed; dump without compression");
        }
        if (remote && !out.toString().endsWith(".hprof")) {
            throw new CaptureException(identity.describe() + ": over JMX the JVM writes the heap dump itself, and only to a "
                    + "file whose name ends in .hprof, not " + out);
        }
        if (!remote) {
            checkNewFile(out);
        }
        // The JVM writes only to a name ending in .hprof, and never over an existing file.
        Path written = remote ? out : out.resolveSibling("." + out.getFileName() + ".inquest-partial.hprof");
        if (!remote) {
            Files.deleteIfExists(written);
        }
        List<String> shown = new ArrayList<>();
        if (!request.live()) {
            shown.add("-all");
        }
        if (request.gz()) {
            shown.add("-gz=1");
        }
        shown.add(Names.shellWord(out.toString()));
        String command = jcmd("GC.heap_dump", shown);
        Instant taken = Instant.now();
        progress.phase("Heap dump of " + identity.describe() + (remote ? " (written on its machine)" : ""), -1,
                Progress.Unit.BYTES);
        HotSpotDiagnosticMXBean diagnostic = diagnostic();
        CompletableFuture<String> dump = CompletableFuture.supplyAsync(() -> {
            try {
                diagnostic.dumpHeap(written.toString(), request.live());
                return "";
            } catch (java.rmi.RemoteException e) {
                throw failure("the heap dump", e); // the connection, not the JVM's answer
            } catch (IOException e) {
                // The JVM's own failure (disk full, folder not writable on its side), or its exit.
                throw isAliveAfterAWhile() ? new CaptureException(identity.describe() + ": the JVM could not write the heap dump: "
                        + e.getMessage() + (remote ? "" : "; no file was kept"), e) : failure("the heap dump", e);
            } catch (RuntimeException e) {
                throw failure("the heap dump", e instanceof UndeclaredThrowableException u && u.getCause() != null ? u.getCause() : e);
            }
        }, r -> Thread.ofPlatform().daemon().name("inquest-heap-dump").start(r));
        try {
            await(dump, progress, remote ? null : written);
        } catch (CancellationException e) {
            // The JVM cannot be stopped mid-dump: delete what it writes once it is done.
            if (!remote) {
                dump.whenComplete((o, t) -> deleteDump(written));
            }
            throw e;
        } catch (RuntimeException e) {
            if (!remote) {
                deleteDump(written);
            }
            throw failure("the heap dump", e);
        }
        if (remote) {
            return new CaptureResult(CaptureKind.HEAP_DUMP, out, true, null, identity, taken, millisSince(taken), command);
        }
        try {
            if (request.gz()) {
                Path gz = out.resolveSibling("." + out.getFileName() + ".inquest-partial");
                try {
                    progress.phase("Compressing the heap dump", Files.size(written), Progress.Unit.BYTES);
                    ChunkedGzip.compress(written, gz, progress);
                    Files.move(gz, out, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(gz);
                }
            } else {
                Files.move(written, out, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            deleteDump(written);
        }
        return new CaptureResult(CaptureKind.HEAP_DUMP, out, false, Fingerprints.of(out), identity, taken,
                millisSince(taken), command);
    }

    // ---------------------------------------------------------------- recordings

    /**
     * Records for {@code request.duration()} and saves the recording to {@code request.out()} on this
     * machine (streamed over JMX, so the same for a remote JVM). Progress is the time recorded,
     * then the bytes saved.
     *
     * @throws CancellationException when cancelled: the recording is closed in the JVM, no file is written
     */
    public CaptureResult record(RecordingRequest request, Progress progress) throws IOException {
        Path out = request.out().toAbsolutePath().normalize();
        checkNewFile(out);
        Instant taken = Instant.now();
        RunningRecording running = startRecording(request.settings());
        FlightRecorderMXBean jfr = flightRecorder();
        try {
            long total = request.duration().toMillis();
            progress.phase("Recording " + identity.describe() + " for " + seconds(request.duration()), total,
                    Progress.Unit.ITEMS);
            long start = System.nanoTime();
            while (true) {
                long done = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                progress.progress(Math.min(done, total));
                if (done >= total) {
                    break;
                }
                progress.checkCancelled();
                alive("the recording");
                Thread.sleep(Math.min(POLL_MILLIS * 2, total - done));
            }
            call(() -> {
                jfr.stopRecording(running.id());
                return null;
            }, "the recording");
            save(jfr, running.id(), out, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled");
        } finally {
            closeQuietly(jfr, running.id());
        }
        String command = jcmd("JFR.start", List.of("name=" + running.name(), "settings=" + Names.shellWord(request.settings().jcmdValue()),
                "duration=" + request.duration().toSeconds() + "s", "filename=" + Names.shellWord(out.toString())));
        return new CaptureResult(CaptureKind.RECORDING, out, false, Fingerprints.of(out), identity, taken,
                millisSince(taken), command);
    }

    /**
     * Starts a recording that runs until {@link #stopRecording} (from this connection or a later one).
     *
     * @throws CaptureException when the JVM has no flight recorder or refuses the settings
     */
    public RunningRecording startRecording(RecordingSettings settings) throws IOException {
        String text = settings instanceof RecordingSettings.JfcFile f
                ? new String(FileProblems.readSmallFile(f.file(), 16L << 20, "settings file"), StandardCharsets.UTF_8) : null;
        FlightRecorderMXBean jfr = flightRecorder();
        Instant started = Instant.now();
        String name = "inquest-" + STAMP.format(started);
        long id = call(jfr::newRecording, "starting a recording");
        try {
            call(() -> {
                switch (settings) {
                    case RecordingSettings.Memory m -> jfr.setConfiguration(id, RecordingSettings.Memory.text());
                    case RecordingSettings.Predefined p -> jfr.setPredefinedConfiguration(id, p.name());
                    case RecordingSettings.JfcFile f -> jfr.setConfiguration(id, text);
                }
                jfr.setRecordingOptions(id, Map.of("name", name, "disk", "true"));
                jfr.startRecording(id);
                return null;
            }, "starting a recording");
        } catch (RuntimeException e) {
            closeQuietly(jfr, id);
            throw e;
        }
        return new RunningRecording(id, name, settings, started);
    }

    /** The command that started {@code running}, as jcmd would. */
    public String startCommand(RunningRecording running) {
        return jcmd("JFR.start", List.of("name=" + running.name(), "settings=" + Names.shellWord(running.settings().jcmdValue())));
    }

    /**
     * Saves what {@code running} has recorded so far to {@code out}; the recording goes on.
     */
    public CaptureResult dumpRecording(RunningRecording running, Path out, Progress progress) throws IOException {
        Path file = out.toAbsolutePath().normalize();
        checkNewFile(file);
        Instant taken = Instant.now();
        FlightRecorderMXBean jfr = flightRecorder();
        long clone = call(() -> jfr.cloneRecording(running.id(), true), "copying the recording");
        try {
            save(jfr, clone, file, progress);
        } finally {
            closeQuietly(jfr, clone);
        }
        return new CaptureResult(CaptureKind.RECORDING, file, false, Fingerprints.of(file), identity, taken,
                millisSince(taken), jcmd("JFR.dump", List.of("name=" + running.name(), "filename=" + Names.shellWord(file.toString()))));
    }

    /** Stops {@code running}, saves it to {@code out} and closes it in the JVM. */
    public CaptureResult stopRecording(RunningRecording running, Path out, Progress progress) throws IOException {
        Path file = out.toAbsolutePath().normalize();
        checkNewFile(file);
        Instant taken = Instant.now();
        FlightRecorderMXBean jfr = flightRecorder();
        try {
            call(() -> {
                jfr.stopRecording(running.id());
                return null;
            }, "stopping the recording");
            save(jfr, running.id(), file, progress);
        } finally {
            closeQuietly(jfr, running.id());
        }
        return new CaptureResult(CaptureKind.RECORDING, file, false, Fingerprints.of(file), identity, taken,
                millisSince(taken), jcmd("JFR.stop", List.of("name=" + running.name(), "filename=" + Names.shellWord(file.toString()))));
    }

    // ---------------------------------------------------------------- text snapshots

    /**
     * A class histogram (live objects: the JVM runs a full GC first), a thread dump (with locks),
     * or the native memory summary.
     *
     * @throws CaptureException for native memory when the JVM does not track it
     * @throws IllegalArgumentException for a kind that is not text
     */
    public TextSnapshot snapshot(CaptureKind kind) {
        Instant taken = Instant.now();
        String text = switch (kind) {
            case CLASS_HISTOGRAM -> dcmd("the class histogram", "gcClassHistogram");
            case THREAD_DUMP -> dcmd("the thread dump", "threadPrint", "-l");
            case NATIVE_MEMORY -> dcmd("the native memory summary", "vmNativeMemory", "summary");
            default -> throw new IllegalArgumentException(kind + " is not a text capture");
        };
        if (kind == CaptureKind.NATIVE_MEMORY && text.contains("Native memory tracking is not enabled")) {
            throw new CaptureException(identity.describe() + ": the JVM does not track native memory; start it with "
                    + "-XX:NativeMemoryTracking=summary");
        }
        String command = jcmd(kind.jcmd(), kind == CaptureKind.THREAD_DUMP ? List.of("-l") : List.of());
        return new TextSnapshot(kind, text, identity, taken, command);
    }

    /** Saves a snapshot's text to {@code out} (UTF-8), atomically. */
    public static CaptureResult save(TextSnapshot snapshot, Path out) throws IOException {
        Path file = out.toAbsolutePath().normalize();
        checkNewFile(file);
        Path part = partial(file);
        try {
            Files.writeString(part, snapshot.text(), StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return new CaptureResult(snapshot.kind(), file, false, Fingerprints.of(file), snapshot.jvm(), snapshot.taken(),
                millisSince(snapshot.taken()), snapshot.command());
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // Closing a connection to a JVM that went away: nothing to tell anyone.
        }
    }

    // ---------------------------------------------------------------- internals

    private HotSpotDiagnosticMXBean diagnostic() {
        try {
            return JMX.newMXBeanProxy(mbs, new ObjectName("com.sun.management:type=HotSpotDiagnostic"), HotSpotDiagnosticMXBean.class);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private FlightRecorderMXBean flightRecorder() {
        try {
            ObjectName name = new ObjectName(FlightRecorderMXBean.MXBEAN_NAME);
            if (!mbs.isRegistered(name)) {
                throw new CaptureException(identity.describe() + ": the JVM has no flight recorder MBean (jdk.management.jfr)");
            }
            return JMX.newMXBeanProxy(mbs, name, FlightRecorderMXBean.class);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw failure("the recording", e);
        }
    }

    /** Streams recording {@code id} to {@code out} through a temporary file beside it. */
    private void save(FlightRecorderMXBean jfr, long id, Path out, Progress progress) throws IOException {
        progress.phase("Saving the recording of " + identity.describe(), -1, Progress.Unit.BYTES);
        Path part = partial(out);
        try {
            long stream = call(() -> jfr.openStream(id, Map.of("blockSize", Integer.toString(1 << 20))), "saving the recording");
            try (OutputStream os = Files.newOutputStream(part)) {
                long written = 0;
                while (true) {
                    progress.checkCancelled();
                    byte[] block = call(() -> jfr.readStream(stream), "saving the recording");
                    if (block == null) {
                        break;
                    }
                    os.write(block);
                    written += block.length;
                    progress.progress(written);
                }
            } finally {
                try {
                    jfr.closeStream(stream);
                } catch (IOException | RuntimeException e) {
                    // The stream ends with the JVM; nothing left to close.
                }
            }
            Files.move(part, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void closeQuietly(FlightRecorderMXBean jfr, long id) {
        try {
            jfr.closeRecording(id);
        } catch (IOException | RuntimeException e) {
            // Gone already (closed, or the JVM exited): nothing to close.
        }
    }

    /** Waits for {@code work}, reporting {@code growing}'s size and honouring cancellation. */
    private String await(CompletableFuture<String> work, Progress progress, Path growing) {
        while (true) {
            try {
                return work.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (growing != null) {
                    try {
                        progress.progress(Files.size(growing));
                    } catch (IOException notYet) {
                        // Not created yet.
                    }
                }
                progress.checkCancelled();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("cancelled");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new UncheckedIOException(new IOException(e.getCause()));
            }
        }
    }

    /** Runs diagnostic command {@code operation} ({@code what} in words, for messages). */
    private String dcmd(String what, String operation, String... args) {
        try {
            Object result = mbs.invoke(new ObjectName(DIAGNOSTIC), operation, new Object[] {args},
                    new String[] {String[].class.getName()});
            return result == null ? "" : result.toString();
        } catch (JMException e) {
            throw new CaptureException(identity.describe() + ": the JVM refused " + what + ": " + Connections.rootMessage(e), e);
        } catch (IOException e) {
            throw failure(what, e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    /** Runs a flight recorder call, failures in words. */
    private <T> T call(Call<T> call, String what) {
        try {
            return call.run();
        } catch (IOException e) {
            throw failure(what, e);
        } catch (UndeclaredThrowableException e) {
            throw failure(what, e.getCause() == null ? e : e.getCause());
        } catch (IllegalArgumentException | IllegalStateException | SecurityException e) {
            throw new CaptureException(identity.describe() + ": the JVM refused " + what + ": " + e.getMessage(), e);
        }
    }

    /** A failure while talking to the JVM: it exited, or the connection broke. */
    private CaptureException failure(String what, Throwable e) {
        if (e instanceof CaptureException c) {
            return c;
        }
        if (!isAliveAfterAWhile()) {
            return new CaptureException(identity.describe() + ": the JVM exited during " + what + "; no file was kept", e);
        }
        return new CaptureException(identity.describe() + ": the connection to the JVM failed during " + what + " ("
                + Connections.rootMessage(e) + ")", e);
    }

    private void alive(String what) {
        if (target instanceof Target.Local && !isAlive()) {
            throw new CaptureException(identity.describe() + ": the JVM exited during " + what + "; no file was kept");
        }
    }

    /**
     * Whether the JVM still runs, given a moment to go: a dying JVM closes its connection a little
     * before its process is gone, and a broken connection alone must not read as "it exited".
     */
    private boolean isAliveAfterAWhile() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (isAlive()) {
            if (System.nanoTime() > deadline) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return false;
    }

    private boolean isAlive() {
        if (target instanceof Target.Local l) {
            return ProcessHandle.of(l.pid()).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            mbs.getMBeanCount();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String jcmd(String command, List<String> args) {
        StringBuilder sb = new StringBuilder();
        if (target instanceof Target.Remote) {
            sb.append("on ").append(identity.host().isEmpty() ? "the JVM's host" : identity.host()).append(": ");
        }
        sb.append("jcmd ").append(identity.pid()).append(' ').append(command);
        for (String a : args) {
            sb.append(' ').append(a);
        }
        return sb.toString();
    }

    /** A new file's checks: its folder can be written (made when missing), and it is not there yet. */
    private static void checkNewFile(Path out) throws IOException {
        FileProblems.checkOutput(out);
        if (Files.exists(out)) {
            throw new BadInputException(out, "already exists; a capture does not overwrite a file", -1);
        }
        Files.createDirectories(out.getParent());
    }

    /** Where a capture is written before it is complete: beside {@code out}, hidden. */
    private static Path partial(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".inquest-partial");
    }

    /**
     * Deletes a heap dump being written and the segment files a parallel dump writes beside it
     * ({@code NAME.p0}, {@code NAME.p1}...: the JVM merges them at the end, and leaves them when it dies).
     */
    private static void deleteDump(Path dump) {
        deleteQuietly(dump);
        String segment = dump.getFileName() + ".p";
        try (var siblings = Files.newDirectoryStream(dump.getParent(),
                f -> f.getFileName().toString().startsWith(segment)
                        && f.getFileName().toString().substring(segment.length()).matches("\\d+"))) {
            for (Path f : siblings) {
                deleteQuietly(f);
            }
        } catch (IOException e) {
            // Best effort, as deleteQuietly.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the message already says the capture failed.
        }
    }

    private static long millisSince(Instant start) {
        return Math.max(0, Duration.between(start, Instant.now()).toMillis());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
