package dev.inquest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.cli.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The exit-code contract of cli.md, checked on one run of a command over a damaged file: exit 0,
 * 1 or 2, never 3, never a Throwable out of the command, never a hang; exit 1 says in one line
 * {@code inquest: FILE: what is wrong}; exit 0 on damage that can be told carries it (a
 * {@code "truncated": true} or non-empty {@code "problems"} in the JSON, or a line on stderr).
 */
final class Contract {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Java class name where words should be: "java.io.EOFException", "NullPointerException". */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b([a-z][a-z0-9_]*\\.)*[A-Z]\\w*(Exception|Error)\\b");
    private static final Pattern WORD = Pattern.compile("\\b[a-zA-Z]{3,}\\b");
    /** How the text summaries say it themselves: heap's "Truncated  YES: ...", the recording's "note  cut short: ...". */
    private static final Pattern TEXT_DAMAGE = Pattern.compile("(?im)^(Truncated\\s+yes\\b|note\\s+cut short\\b)");

    private final long timeoutSeconds;
    private ExecutorService runner = newRunner();

    Contract(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-command");
            t.setDaemon(true);
            return t;
        });
    }

    /** What a run came to: the CLI's answer, or what escaped it. */
    record Outcome(CliRun run, Throwable escaped, boolean hung, long millis) {
    }

    Outcome run(List<String> args) {
        long start = System.nanoTime();
        Future<CliRun> f = runner.submit(() -> CliRun.run(args.toArray(String[]::new)));
        try {
            CliRun r = f.get(timeoutSeconds, TimeUnit.SECONDS);
            return new Outcome(r, null, false, millisSince(start));
        } catch (ExecutionException e) {
            return new Outcome(null, e.getCause(), false, millisSince(start));
        } catch (TimeoutException e) {
            // The stuck thread cannot be stopped; leave it (daemon) and go on with a fresh one.
            f.cancel(true);
            runner.shutdownNow();
            runner = newRunner();
            return new Outcome(null, null, true, millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The broken rule, if any. */
    Optional<String> check(Outcome o, Path file, List<String> args, Mutation m) {
        if (o.hung()) {
            return Optional.of("hang: no answer within " + timeoutSeconds + " s");
        }
        if (o.escaped() != null) {
            return Optional.of("uncaught " + o.escaped() + at(o.escaped()));
        }
        CliRun r = o.run();
        String err = r.err().strip();
        String firstErr = err.lines().findFirst().orElse("");
        switch (r.exit()) {
            case 0 -> {
                return exitZero(r, file, args, m);
            }
            case 1 -> {
                return exitOne(err, file);
            }
            case 2 -> {
                return Optional.empty();
            }
            default -> {
                String where = err.lines().filter(l -> l.strip().startsWith("at dev.inquest")).findFirst()
                        .map(l -> " " + l.strip()).orElse("");
                return Optional.of("exit " + r.exit() + ": " + firstErr + where);
            }
        }
    }

    private static Optional<String> exitOne(String err, Path file) {
        List<String> lines = err.lines().toList();
        if (lines.size() != 1) {
            return Optional.of("exit 1 with " + lines.size() + " lines on stderr: " + abbreviate(err));
        }
        String prefix = "inquest: " + file + ": ";
        if (!err.startsWith(prefix)) {
            return Optional.of("exit 1 without naming the file (" + prefix + "...): " + err);
        }
        String what = err.substring(prefix.length());
        String words = CLASS_NAME.matcher(what).replaceAll("");
        if (WORD.matcher(words).results().count() < 2 || what.startsWith("java.") || CLASS_NAME.matcher(what).lookingAt()) {
            return Optional.of("exit 1 without saying what is wrong in words: " + err);
        }
        return Optional.empty();
    }

    private static Optional<String> exitZero(CliRun r, Path file, List<String> args, Mutation m) {
        JsonNode json = null;
        if (args.contains("--json")) {
            try {
                json = JSON.readTree(r.out());
            } catch (Exception e) {
                return Optional.of("exit 0 with --json but stdout is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
            if (json == null || json.isMissingNode()) {
                return Optional.of("exit 0 with --json but nothing on stdout");
            }
        }
        if (!m.mustDetect()) {
            return Optional.empty();
        }
        boolean inJson = json != null && json.isObject()
                && (json.path("truncated").asBoolean(false) || json.path("problems").isArray() && !json.path("problems").isEmpty());
        boolean onStderr = r.err().lines().anyMatch(l -> l.startsWith("inquest: ") && l.contains(file.toString()));
        boolean inText = json == null && TEXT_DAMAGE.matcher(r.out()).find();
        if (inJson || onStderr || inText) {
            return Optional.empty();
        }
        List<String> seen = new ArrayList<>();
        if (json != null) {
            seen.add(!json.isObject() ? "JSON " + json.getNodeType().name().toLowerCase() + " (no room for truncated/problems)"
                    : json.has("truncated") || json.has("problems")
                    ? "JSON truncated " + json.path("truncated") + ", problems " + json.path("problems")
                    : "JSON object without a truncated or problems field");
        }
        seen.add(r.err().isBlank() ? "nothing on stderr" : "stderr: " + abbreviate(r.err().strip()));
        if (json == null) {
            seen.add("no Truncated/cut short line in the text");
        }
        return Optional.of("exit 0 and the damage is silent: " + String.join(", ", seen));
    }

    private static String at(Throwable t) {
        StackTraceElement[] s = t.getStackTrace();
        for (StackTraceElement e : s) {
            if (e.getClassName().startsWith("dev.inquest")) {
                return " at " + e;
            }
        }
        return s.length > 0 ? " at " + s[0] : "";
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', '|');
        return one.length() <= 300 ? one : one.substring(0, 297) + "...";
    }
}
