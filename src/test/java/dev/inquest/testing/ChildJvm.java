package dev.inquest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a workload in a child JVM (the JDK the tests run on), so tests read heap dumps and
 * recordings written by a real HotSpot rather than bytes we made up.
 *
 * <p>Workloads are single-file Java programs under {@code src/test/resources/workloads/}, run in
 * source-file mode; each writes its own dump or recording (for example through
 * {@code HotSpotDiagnosticMXBean.dumpHeap}) at the moment its known state is complete.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    public record Result(int exitCode, String output) {
    }

    public static Path java() {
        String configured = System.getProperty("inquest.java");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The workload's source copied out of the test classpath into {@code dir}. */
    public static Path workloadSource(String name, Path dir) {
        try (InputStream in = ChildJvm.class.getResourceAsStream("/workloads/" + name + ".java")) {
            if (in == null) {
                throw new IllegalArgumentException("no workload " + name);
            }
            Path out = dir.resolve(name + ".java");
            Files.write(out, in.readAllBytes());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code workloads/NAME.java} with the given JVM options and program arguments, in
     * {@code dir}, and fails unless it exits 0 within the timeout.
     */
    public static Result runWorkload(String name, Path dir, List<String> jvmOptions, String... args) {
        Path source = workloadSource(name, dir);
        List<String> cmd = new ArrayList<>();
        cmd.add(java().toString());
        cmd.addAll(jvmOptions);
        cmd.add(source.toString());
        cmd.addAll(Arrays.asList(args));
        return run(cmd, dir, 240);
    }

    public static Result run(List<String> command, Path dir, int timeoutSeconds) {
        return run(command, java.util.Map.of(), dir, timeoutSeconds);
    }

    /** Runs {@code command} with {@code environment} added to this process's. */
    public static Result run(List<String> command, java.util.Map<String, String> environment, Path dir, int timeoutSeconds) {
        try {
            Path log = Files.createTempFile(dir, "child", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(environment);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM timed out after " + timeoutSeconds + " s: " + command
                        + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("child JVM exited " + p.exitValue() + ": " + command + "\n" + out);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
