package dev.inquest.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that keeps running while a test captures from it: {@link CaptureTarget} (or another
 * main class of the test classes), started with the test classes on its class path, ready once it
 * printed {@code ready}. Closing it closes its standard input (it exits) and kills it if it lingers.
 */
public final class RunningJvm implements AutoCloseable {
    private final Process process;
    private final StringBuilder output = new StringBuilder();

    private RunningJvm(Process process) {
        this.process = process;
    }

    /** Starts {@code mainClass} with {@code jvmOptions} and {@code args}, and waits until it is ready. */
    public static RunningJvm start(Class<?> mainClass, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildJvm.java().toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classesOf(mainClass).toString());
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            RunningJvm jvm = new RunningJvm(p);
            jvm.awaitReady();
            return jvm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.equals("ready")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // The child went away.
            }
            ready.complete(false);
        }, "running-jvm-output");
        reader.setDaemon(true);
        reader.start();
        boolean ok;
        try {
            ok = ready.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            ok = false;
        }
        if (!ok) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not get ready:\n" + output());
        }
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** Kills the JVM at once (a JVM that exits in the middle of a capture). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    static Path classesOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
