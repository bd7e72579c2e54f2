package dev.inquest.investigation.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inquest.input.BadInputException;
import dev.inquest.input.FileProblems;
import dev.inquest.investigation.model.Case;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One case file on disk, with the guarantees the user relies on:
 * <ul>
 * <li>Atomic replace: the new version goes to a temporary file in the same folder (same file
 *     system, so the rename is atomic), is forced to the device, then renamed over the old one.
 *     A crash at any moment leaves the old or the new version, never a mix.</li>
 * <li>Last good version: before each replace, the version being replaced (which we had read and
 *     parsed) is kept as {@code .<name>.bak} next to it, itself written atomically.</li>
 * <li>No silent overwrite: we remember the {@link DiskStamp} of what we read or wrote; if the
 *     file on disk differs at save time, the save fails with {@link ConflictException}. Saves are
 *     serialised across processes by a lock file, so check-then-rename is not racy between two
 *     Inquest windows.</li>
 * <li>Broken or foreign files open read-only with the reason, plus the backup when it is good.</li>
 * </ul>
 */
public final class CaseFile {

    /** Test seam: runs between the forced temporary file and the rename, where a crash hurts most. */
    @FunctionalInterface
    public interface BeforeRename {
        void run(Path temp) throws IOException;
    }

    private static final ConcurrentHashMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final Duration STALE_TEMP = Duration.ofMinutes(10);

    private final Path file;
    private Case value;
    private ObjectNode unknown;
    private DiskStamp stamp;
    private boolean readOnly;
    private String problem;
    private BeforeRename beforeRename = temp -> { };

    private CaseFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /**
     * Opens a case file. Never throws for bad content: a broken, foreign or newer file comes back
     * {@link #readOnly()} with {@link #problem()} set (and {@link #value()} null when nothing
     * could be read).
     *
     * @throws NoSuchFileException when there is no such file
     * @throws BadInputException   when it is no file to read (a directory, a FIFO, a device) or
     *                             larger than {@link #MAX_BYTES}
     */
    public static CaseFile open(Path file) throws IOException {
        CaseFile cf = new CaseFile(file);
        byte[] bytes = readBytes(file); // the name as the user gave it, for messages
        cf.stamp = DiskStamp.of(cf.file, bytes);
        try {
            CaseJson.Parsed parsed = CaseJson.parse(bytes, file);
            cf.value = parsed.value();
            cf.unknown = parsed.unknown();
            if (parsed.newerThanThisBuild()) {
                cf.readOnly = true;
                cf.problem = file + ": " + newerProblem(parsed) + "; opened read-only";
            }
        } catch (BadInputException e) {
            cf.readOnly = true;
            cf.problem = e.getMessage();
        }
        cf.cleanStaleTemps();
        return cf;
    }

    /** Reads a case file strictly: bad content is a {@link BadInputException} (for the CLI). */
    public static CaseJson.Parsed read(Path file) throws IOException {
        return CaseJson.parse(readBytes(file), file);
    }

    /** The largest case file read: real cases are kilobytes; more is a wrong file or a hostile one. */
    public static final long MAX_BYTES = 64L << 20;

    /**
     * A case file's bytes: a regular file of at most {@link #MAX_BYTES}. A link to {@code /dev/zero}
     * or a FIFO is refused before it is opened (reading one would never end or never start).
     */
    static byte[] readBytes(Path file) throws IOException {
        return FileProblems.readSmallFile(file, MAX_BYTES, "a case file");
    }

    /** Why a newer file is read-only, one phrase for the window and the command line alike. */
    public static String newerProblem(CaseJson.Parsed parsed) {
        return "written by a newer Inquest (format " + parsed.fileVersion() + "); this version reads up to "
                + Case.FORMAT_VERSION;
    }

    /** Writes a new case file; refuses to replace an existing one. */
    public static CaseFile create(Path file, Case value) throws IOException {
        CaseFile cf = new CaseFile(file);
        if (Files.exists(cf.file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "already exists; not overwritten");
        }
        cf.unknown = CaseJson.MAPPER.createObjectNode();
        cf.write(value, false, true);
        return cf;
    }

    public Path path() {
        return file;
    }

    /** The case as last read or saved; null when the file could not be read at all. */
    public Case value() {
        return value;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Why the file is read-only, one line; null when it is writable. */
    public String problem() {
        return problem;
    }

    public static Path backupPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".bak");
    }

    /** The last good version kept beside the file, when there is one and it parses. */
    public Optional<Case> backup() {
        Path b = backupPath(file);
        try {
            return Optional.of(CaseJson.parse(readBytes(b), b).value());
        } catch (IOException | BadInputException e) {
            return Optional.empty();
        }
    }

    /**
     * Saves, atomically.
     *
     * @throws ConflictException when the file on disk is not the one we read or last wrote
     * @throws IOException       when it is read-only or the disk fails (the old file is then intact)
     */
    public synchronized void save(Case newValue) throws IOException {
        if (readOnly) {
            throw new IOException(problem == null ? file + ": read-only" : problem);
        }
        write(newValue, true, false);
    }

    /**
     * Saves even though the file on disk changed or is broken: the user chose our version
     * (after a {@link ConflictException}, or to restore the backup over a broken file). The file
     * being replaced is not made the backup, since it may be the broken one.
     */
    public synchronized void overwrite(Case newValue) throws IOException {
        if (unknown == null) {
            unknown = CaseJson.MAPPER.createObjectNode();
        }
        write(newValue, false, false);
        readOnly = false;
        problem = null;
    }

    /** Takes the version on disk as ours (the other choice after a conflict). */
    public synchronized Case reload() throws IOException {
        byte[] bytes = readBytes(file);
        CaseJson.Parsed parsed = CaseJson.parse(bytes, file);
        stamp = DiskStamp.of(file, bytes);
        value = parsed.value();
        unknown = parsed.unknown();
        readOnly = parsed.newerThanThisBuild();
        return value;
    }

    /** For crash tests only. */
    public void beforeRename(BeforeRename hook) {
        this.beforeRename = hook == null ? temp -> { } : hook;
    }

    private void write(Case newValue, boolean checkConflict, boolean mustNotExist) throws IOException {
        byte[] bytes = CaseJson.toBytes(newValue, unknown, file); // refused before anything is written
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Object jvmLock = JVM_LOCKS.computeIfAbsent(file, k -> new Object());
        synchronized (jvmLock) {
            try (FileChannel lockChannel = FileChannel.open(lockPath(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = lockChannel.lock();
                try {
                    writeLocked(bytes, newValue, checkConflict, mustNotExist, dir);
                } finally {
                    lock.release();
                }
            }
        }
    }

    private void writeLocked(byte[] bytes, Case newValue, boolean checkConflict, boolean mustNotExist, Path dir)
            throws IOException {
        DiskStamp onDisk = DiskStamp.of(file);
        if (mustNotExist && onDisk != null) {
            throw new FileAlreadyExistsException(file.toString(), null, "already exists; not overwritten");
        }
        if (checkConflict && !sameAsKnown(onDisk)) {
            Case theirs = null;
            try {
                theirs = read(file).value();
            } catch (IOException | BadInputException e) {
                // Deleted or broken by the other writer: still a conflict, theirs unknown.
            }
            throw new ConflictException(file, newValue, theirs);
        }
        // Under the lock no other save of this file is running, so any temporary file of ours
        // beside it is what a killed save left behind.
        removeStaleTemps(Instant.MAX);
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (checkConflict && onDisk != null) {
                keepBackup();
            }
            beforeRename.run(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
        stamp = DiskStamp.of(file);
        value = newValue;
    }

    private boolean sameAsKnown(DiskStamp onDisk) {
        if (stamp == null) {
            return onDisk == null;
        }
        return stamp.sameContent(onDisk);
    }

    /** Copies the version being replaced (known good: we parsed or wrote it) to the backup, atomically. */
    private void keepBackup() throws IOException {
        Path backup = backupPath(file);
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(temp, backup, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path lockPath() {
        return file.resolveSibling("." + file.getFileName() + ".lock");
    }

    /** Makes the rename itself durable; not every platform can open a directory, so best effort. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; NTFS journals the rename itself.
        }
    }

    /** Temporary files a crashed save left behind; young ones may belong to a live writer. */
    private void cleanStaleTemps() {
        removeStaleTemps(Instant.now().minus(STALE_TEMP));
    }

    /**
     * Removes this file's own temporary files ({@code .NAME.<digits>.tmp}, the names
     * {@link Files#createTempFile} gives them here) older than {@code cutoff}; nothing else.
     */
    private void removeStaleTemps(Instant cutoff) {
        String prefix = "." + file.getFileName() + ".";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent(),
                "." + escapeGlob(file.getFileName().toString()) + ".*.tmp")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                String middle = name.substring(prefix.length(), name.length() - ".tmp".length());
                if (!middle.matches("[0-9]+") || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                FileTime t = Files.getLastModifiedTime(p);
                if (t.toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Housekeeping only.
        }
    }

    private static String escapeGlob(String s) {
        return s.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }
}
