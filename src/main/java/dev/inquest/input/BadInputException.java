package dev.inquest.input;

import java.nio.file.Path;

/**
 * A file we cannot read as what it claims to be. Carries the three things a user needs to act:
 * which file, what was wrong, and where. The message follows the CLI contract:
 * {@code <file>: <what is wrong> at byte <offset>}.
 */
public class BadInputException extends RuntimeException {
    private final transient Path file;
    private final String problem;
    private final long offset;

    public BadInputException(Path file, String problem, long offset) {
        this(file, problem, offset, null);
    }

    public BadInputException(Path file, String problem, long offset, Throwable cause) {
        super(format(file, problem, offset), cause);
        this.file = file;
        this.problem = problem;
        this.offset = offset;
    }

    private static String format(Path file, String problem, long offset) {
        String where = offset >= 0 ? " at byte " + offset : "";
        return (file == null ? "<input>" : file.toString()) + ": " + problem + where;
    }

    public Path file() {
        return file;
    }

    public String problem() {
        return problem;
    }

    /** Byte offset in the (uncompressed) input where the problem was seen, or -1 if not applicable. */
    public long offset() {
        return offset;
    }
}
