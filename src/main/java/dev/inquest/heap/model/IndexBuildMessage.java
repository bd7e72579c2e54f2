package dev.inquest.heap.model;

import dev.inquest.heap.NotEnoughResourcesException;
import dev.inquest.input.BadInputException;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * What the index build's child JVM ({@link IndexBuildProcess}) tells the process that started it,
 * one line each on its standard output: the phases and progress of the build, then how it ended.
 * Both sides use this one class, so a line is written and read by the same code.
 *
 * <p>A line is {@code inquest-build}, a tab, the message's kind, then its fields, tab-separated;
 * tabs, line breaks and backslashes inside a field are escaped. Anything else on the stream (a
 * JVM warning) is not a message.
 */
sealed interface IndexBuildMessage {
    String PREFIX = "inquest-build";

    /** A phase of the build began (the engine's own phase name and size). */
    record PhaseStarted(String name, long total, Progress.Unit unit) implements IndexBuildMessage {
    }

    /** How far the current phase got. */
    record Advanced(long done) implements IndexBuildMessage {
    }

    /** The index is written beside the dump (or in the cache folder): the parent maps it. */
    record Built() implements IndexBuildMessage {
    }

    /** Why a build failed, as a kind the parent turns back into the exception an in-process open throws. */
    enum Failure { BAD_INPUT, NOT_ENOUGH_MEMORY, NOT_ENOUGH_DISK, IO, OUT_OF_MEMORY, CANCELLED, INTERNAL }

    /**
     * The build failed.
     *
     * @param problem for BAD_INPUT the problem without file and offset; otherwise the whole message
     * @param offset  BAD_INPUT's byte offset (-1: none); NOT_ENOUGH_*: the bytes needed
     * @param available NOT_ENOUGH_*: the bytes available; else 0
     */
    record Failed(Failure failure, String problem, long offset, long available) implements IndexBuildMessage {
        /** What the child says for a failure of its open. */
        static Failed of(Throwable t) {
            return switch (t) {
                case BadInputException b -> new Failed(Failure.BAD_INPUT, b.problem(), b.offset(), 0);
                case NotEnoughResourcesException n -> new Failed(
                        n.resource() == NotEnoughResourcesException.Resource.DISK ? Failure.NOT_ENOUGH_DISK : Failure.NOT_ENOUGH_MEMORY,
                        n.getMessage(), n.needed(), n.available());
                case CancellationException c -> new Failed(Failure.CANCELLED, String.valueOf(c.getMessage()), -1, 0);
                case IOException io -> new Failed(Failure.IO, dev.inquest.input.FileProblems.describe(io), -1, 0);
                case OutOfMemoryError o -> new Failed(Failure.OUT_OF_MEMORY, String.valueOf(o.getMessage()), -1, 0);
                default -> new Failed(Failure.INTERNAL, t.toString(), -1, 0);
            };
        }

        /** The exception an open of {@code dump} in this process would have thrown, with the same message. */
        Throwable exception(Path dump) {
            return switch (failure) {
                case BAD_INPUT -> new BadInputException(dump, problem, offset);
                case NOT_ENOUGH_MEMORY -> NotEnoughResourcesException.reported(dump, NotEnoughResourcesException.Resource.MEMORY,
                        offset, available, problem);
                case NOT_ENOUGH_DISK -> NotEnoughResourcesException.reported(dump, NotEnoughResourcesException.Resource.DISK,
                        offset, available, problem);
                case IO -> new IOException(problem);
                case OUT_OF_MEMORY -> new OutOfMemoryError(problem);
                case CANCELLED -> new CancellationException(problem);
                case INTERNAL -> new IllegalStateException(dump + ": the indexing process failed: " + problem);
            };
        }
    }

    /** The message as one line (no line break). */
    default String line() {
        List<String> f = switch (this) {
            case PhaseStarted p -> List.of("phase", p.name(), Long.toString(p.total()), p.unit().name());
            case Advanced a -> List.of("advanced", Long.toString(a.done()));
            case Built b -> List.of("built");
            case Failed x -> List.of("failed", x.failure().name(), x.problem(), Long.toString(x.offset()),
                    Long.toString(x.available()));
        };
        StringBuilder out = new StringBuilder(PREFIX);
        for (String s : f) {
            out.append('\t');
            escape(s, out);
        }
        return out.toString();
    }

    /** The message a line holds; empty for a line that is none (another writer's, or malformed). */
    static Optional<IndexBuildMessage> parse(String line) {
        if (line == null || !line.startsWith(PREFIX + "\t")) {
            return Optional.empty();
        }
        List<String> f = new ArrayList<>();
        for (String raw : line.substring(PREFIX.length() + 1).split("\t", -1)) {
            f.add(unescape(raw));
        }
        try {
            return Optional.of(switch (f.getFirst()) {
                case "phase" -> new PhaseStarted(f.get(1), Long.parseLong(f.get(2)), Progress.Unit.valueOf(f.get(3)));
                case "advanced" -> new Advanced(Long.parseLong(f.get(1)));
                case "built" -> new Built();
                case "failed" -> new Failed(Failure.valueOf(f.get(1)), f.get(2), Long.parseLong(f.get(3)), Long.parseLong(f.get(4)));
                default -> throw new IllegalArgumentException(f.getFirst());
            });
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
