package dev.inquest.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * The one place that turns the file system's failures into words: every command (heap, jfr, case,
 * demo) and the window print {@link #describe(IOException)}, so a user reads "permission denied"
 * or "is a directory, not a file" rather than a bare file name or a Java class name.
 */
public final class FileProblems {
    private FileProblems() {
    }

    /**
     * {@code <file>: <what is wrong>} for an I/O failure; the file is the one the exception names
     * (the folder, for a failure to create a file in it).
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String file = fs.getFile();
            String what = what(fs);
            return fs.getOtherFile() == null ? file + ": " + what : file + " -> " + fs.getOtherFile() + ": " + what;
        }
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? "input/output error" : msg;
    }

    /** What is wrong, without the file's name (for a message that names the file itself). */
    public static String problem(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return what(fs);
        }
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? "input/output error" : msg;
    }

    private static String what(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        String reason = e.getReason();
        if (e instanceof FileAlreadyExistsException) {
            return reason == null ? "already exists" : reason;
        }
        if (reason == null || reason.isBlank()) {
            return "cannot be read or written";
        }
        // The OS's own words (strerror), made to read like ours: "Too many levels of symbolic
        // links" -> "too many levels of symbolic links", "Is a directory" -> "is a directory, not a file".
        String r = reason.strip();
        String lower = r.toLowerCase(Locale.ROOT);
        if (lower.equals("is a directory")) {
            return "is a directory, not a file";
        }
        if (lower.startsWith("too many levels of symbolic links")) {
            // The JDK adds "or unable to access attributes of symbolic link": the loop is the usual cause.
            return "too many levels of symbolic links (a link loop?)";
        }
        if (lower.equals("not a directory")) {
            return "not a folder";
        }
        return r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1))
                ? Character.toLowerCase(r.charAt(0)) + r.substring(1) : r;
    }

    /**
     * Checks that {@code file} is a regular file we may open for reading, before anything opens it:
     * opening a FIFO blocks until someone writes, and a device such as {@code /dev/zero} never ends.
     *
     * @throws BadInputException with no byte offset for a directory, a FIFO, a device, a socket
     * @throws IOException       (a {@link FileSystemException} {@link #describe} words) when it is
     *                           missing, unreadable or a link loop
     */
    public static BasicFileAttributes requireRegularFile(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        if (attrs.isRegularFile()) {
            return attrs;
        }
        if (attrs.isDirectory()) {
            throw new BadInputException(file, "is a directory, not a file", -1);
        }
        throw new BadInputException(file, "is not a regular file (" + specialKind(file) + ")", -1);
    }

    /**
     * Reads a whole regular file of at most {@code limit} bytes: anything else is refused before it
     * is read, and a file that grows past the limit while being read is refused too.
     *
     * @param what what the file should be, for the message ("a case file")
     */
    public static byte[] readSmallFile(Path file, long limit, String what) throws IOException {
        BasicFileAttributes attrs = requireRegularFile(file);
        if (attrs.size() > limit) {
            throw new BadInputException(file, tooLarge(attrs.size(), limit, what), limit);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new BadInputException(file, tooLarge(bytes.length, limit, what), limit);
            }
            return bytes;
        }
    }

    private static String tooLarge(long size, long limit, String what) {
        return "larger than " + (limit >> 20) + " MB (" + size + " bytes or more), too large for " + what;
    }

    /** FIFO, device, socket: the POSIX file type when the platform tells it (Linux, macOS). */
    static String specialKind(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & 0170000) {
                    case 0010000 -> "a FIFO";
                    case 0020000 -> "a character device";
                    case 0060000 -> "a block device";
                    case 0140000 -> "a socket";
                    default -> "a special file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // Not a POSIX platform: say what we know.
        }
        return "a special file";
    }

    /**
     * Checks where an output file is to be written, before any work: not a directory, and the
     * nearest existing folder above it (missing folders are created) is a writable folder.
     */
    public static void checkOutput(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new BadInputException(out, "is a directory, not a file", -1);
        }
        checkFolder(abs.getParent(), out);
    }

    /** Checks a folder to write into (created when missing): not a file, and writable. */
    public static void checkOutputFolder(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new BadInputException(dir, "is not a folder", -1);
        }
        checkFolder(abs, dir);
    }

    private static void checkFolder(Path start, Path out) throws IOException {
        Path folder = start;
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new BadInputException(out, "folder does not exist", -1); // no root: a path of another file system
        }
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(out, folder + " is a file, not a folder", -1);
        }
        if (!Files.isWritable(folder) || !Files.isExecutable(folder)) {
            // Root writes anywhere; for anyone else this is the usual "/nonexistent" case.
            throw new BadInputException(out, folder.equals(start) ? "folder " + folder + " is not writable"
                    : "folder " + start + " does not exist and " + folder + " is not writable", -1);
        }
    }
}
