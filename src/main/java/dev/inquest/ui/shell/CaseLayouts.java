package dev.inquest.ui.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.inquest.ui.common.NodeKey;
import dev.inquest.ui.task.TaskRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.util.Duration;

/**
 * Remembers the document area's arrangement per case: which files were open, how the groups
 * were split (orientation, divider positions) and which tab each group showed. When the case is
 * opened again, in this window or after a restart, the files still present reopen in the same
 * places; files that are gone are reported in the status bar and left out.
 *
 * <p>Stored in the settings folder, {@code layouts/<sha-256 of the case path>.json}, not in the
 * case file: the case is a shared, versioned record (exported, sent to colleagues, checked into a
 * ticket) with undo and conflict detection, while the arrangement is one person's screen on one
 * machine, with that machine's absolute paths. Dragging a divider must not be a case edit.
 * Written atomically (temporary file, then rename), off the FX thread, a moment after the last
 * change, and at once when the case is switched or the window closes.
 *
 * <p>The file name follows the path (one lookup, no collisions between cases), and the stored
 * record also names the case by what it says of itself ({@link #identity}: created date and
 * title). A case opened from a path with no layout takes the layout of the same case whose file
 * is gone (moved or renamed), with the files that moved along with it.
 *
 * <p>The tabs opened while a case is open belong to it: switching to another case closes them
 * (after its layout was saved), except those the next case's layout shows too. Tabs opened with
 * no case open stay.
 */
public final class CaseLayouts {
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * The stored file: which case it belongs to (hash collisions, moved folders), the case's
     * {@link #identity} (null in version 1 files and for cases without a date), and the layout.
     */
    record Stored(int version, String caseFile, String caseId, Layout layout, List<String> queries) {
        Stored {
            // Files written before issue 19 have no queries; a query is text, never null.
            queries = queries == null ? List.of() : queries.stream().filter(Objects::nonNull).limit(QUERIES_MAX).toList();
        }
    }

    /** How many queries a case's history keeps (the newest). */
    public static final int QUERIES_MAX = 50;

    /** A layout found for a case; {@code adoptedFrom} is the file of a moved case's layout, else null. */
    private record Found(Layout layout, Path adoptedFrom, List<String> queries) {
    }

    /** Tab property: the case open when the tab opened ({@link #NO_CASE} when none). */
    private static final NodeKey<String> OWNER = NodeKey.of("caseLayouts.owner", String.class);
    private static final String NO_CASE = "";

    /** What the last restore did, for the status bar and tests. */
    public record Restored(Path caseFile, List<String> reopened, List<String> missing, List<String> failed) {
    }

    private final MainWindow window;
    private final Path folder;
    private final PauseTransition soon = new PauseTransition(Duration.millis(600));
    private Path current;
    private Supplier<String> currentId = () -> null;
    /** The current case's query history, newest first. */
    private final List<String> queries = new ArrayList<>();
    /** Files asked for and not arrived yet, with the case open when they were asked for. */
    private final java.util.Map<Path, String> requested = new java.util.HashMap<>();
    private boolean closed;
    private Restored lastRestored;
    private ChangeListener<Boolean> waitingForOpens;

    CaseLayouts(MainWindow window, Path folder) {
        this.window = window;
        this.folder = folder;
        soon.setOnFinished(e -> save());
        // Every open asked for has arrived or failed once the runner is idle: forget the rest, so a
        // failed open of a previous case cannot claim a later tab of the same file.
        window.tasks().busyProperty().addListener((obs, was, busy) -> {
            if (!busy) {
                requested.clear();
            }
        });
        markNewTabs();
        window.documents().setOnChange(() -> {
            markNewTabs();
            if (current != null && !closed) {
                soon.playFromStart();
            }
        });
    }

    /** What a case says of itself that survives a move: created date and title; null without a date. */
    public static String identity(java.time.LocalDate created, String title) {
        return created == null || title == null ? null : created + " " + title;
    }

    private String ownerNow() {
        return current == null ? NO_CASE : current.toString();
    }

    /** The window was asked to open a file: its tab, whenever it arrives, belongs to the case open now. */
    void opening(Path file) {
        requested.put(file.toAbsolutePath().normalize(), ownerNow());
    }

    /**
     * Tabs get the case that was open when their file was asked for (else the one open now; the
     * ones there before any case, the welcome page, none). A dump of the previous case that
     * finishes loading after the switch closes as it arrives, as it would have with its case.
     */
    private void markNewTabs() {
        List<javafx.scene.control.Tab> late = new ArrayList<>();
        for (javafx.scene.control.Tab t : window.documents().allTabs()) {
            if (OWNER.isSet(t)) {
                continue;
            }
            Path f = DocumentArea.fileOf(t);
            String owner = f != null && requested.containsKey(f) ? requested.remove(f) : ownerNow();
            OWNER.set(t, owner);
            if (!owner.equals(NO_CASE) && !owner.equals(ownerNow())) {
                late.add(t);
            }
        }
        if (!late.isEmpty()) {
            // Not from inside the tab list's change notification.
            javafx.application.Platform.runLater(() -> late.forEach(window.documents()::close));
        }
    }

    /** Where the layout of a case is kept. */
    public Path fileFor(Path caseFile) {
        String key = caseFile.toAbsolutePath().normalize().toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return folder.resolve("layouts").resolve(HexFormat.of().formatHex(digest, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The queries run in the current case's heap documents, newest first (issue 19): kept beside
     * the layout, not in the case file, for the layout's reasons (one person's working state, not a
     * case edit to undo). Empty while no case is open.
     */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    /** Remembers a query run while the current case is open (the newest first, once); written a moment later. */
    public void queryRan(String query) {
        if (current == null || closed || query == null || query.isBlank()) {
            return;
        }
        queries.remove(query);
        queries.addFirst(query);
        while (queries.size() > QUERIES_MAX) {
            queries.removeLast();
        }
        soon.playFromStart();
    }

    /** The queries stored for a case (a layout file with none, or none at all: empty). */
    private List<String> readQueries(Path caseFile) {
        Path f = fileFor(caseFile);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try {
            Stored s = JSON.readValue(f.toFile(), Stored.class);
            boolean same = s.caseFile() != null && Path.of(s.caseFile()).equals(caseFile.toAbsolutePath().normalize());
            return same ? s.queries() : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The case whose layout is being remembered, or null. */
    public Path currentCase() {
        return current;
    }

    public Optional<Restored> lastRestored() {
        return Optional.ofNullable(lastRestored);
    }

    /** As {@link #caseOpened(Path, Supplier)} for a case that does not say who it is (no move tracking). */
    public void caseOpened(Path caseFile) {
        caseOpened(caseFile, () -> null);
    }

    /**
     * The notebook opened a case (null: none): remembers the previous case's layout, closes the
     * previous case's tabs, then brings back this one's, reopening its files. {@code identity} gives
     * the case's {@link #identity} now (the title may change while it is open).
     */
    public void caseOpened(Path caseFile, Supplier<String> identity) {
        Path next = caseFile == null ? null : caseFile.toAbsolutePath().normalize();
        if (closed || Objects.equals(next, current)) {
            return;
        }
        Optional<Found> found = next == null ? Optional.empty() : find(next, identity.get());
        if (current != null) {
            save();
            closeTabsOf(current, next, found.map(f -> Set.copyOf(f.layout().files())).orElse(Set.of()));
        }
        current = next;
        currentId = identity;
        queries.clear();
        if (next != null) {
            queries.addAll(found.map(Found::queries).orElseGet(() -> readQueries(next)));
        }
        found.ifPresent(f -> {
            if (f.adoptedFrom() != null) {
                adopt(f, next, identity.get());
            }
            restore(next, f.layout());
        });
    }

    /**
     * Closes the tabs that opened with {@code previous} (its dumps, recordings, diffs). Tabs whose
     * file the next case's layout shows stay for it (a 5 GB dump is not reopened for nothing).
     */
    private void closeTabsOf(Path previous, Path next, Set<String> nextFiles) {
        String owner = previous.toString();
        // Files still loading for the previous case: stop them rather than load a dump to close it.
        for (var e : List.copyOf(requested.entrySet())) {
            if (owner.equals(e.getValue()) && !nextFiles.contains(e.getKey().toString()) && window.tasks().cancelFor(e.getKey())) {
                requested.remove(e.getKey());
            }
        }
        for (javafx.scene.control.Tab t : List.copyOf(window.documents().allTabs())) {
            if (!owner.equals(OWNER.get(t))) {
                continue;
            }
            Path f = DocumentArea.fileOf(t);
            if (f != null && nextFiles.contains(f.toString())) {
                OWNER.set(t, next == null ? NO_CASE : next.toString());
            } else {
                window.documents().close(t);
            }
        }
    }

    /**
     * The layout for a case opened from {@code caseFile}: the one saved for that path, else the
     * one of the same case ({@code id}) saved for a path where no case is any more (moved or
     * renamed; the newest if several). A case copied elsewhere does not take the original's: that
     * file still exists.
     */
    private Optional<Found> find(Path caseFile, String id) {
        Optional<Layout> here = read(caseFile);
        if (here.isPresent() || id == null) {
            return here.map(l -> new Found(l, null, readQueries(caseFile)));
        }
        Path dir = folder.resolve("layouts");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Found best = null;
        long bestTime = Long.MIN_VALUE;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    Stored s = JSON.readValue(f.toFile(), Stored.class);
                    if (!id.equals(s.caseId()) || s.caseFile() == null || s.layout() == null || s.layout().root() == null
                            || Files.exists(Path.of(s.caseFile()))) {
                        continue;
                    }
                    long time = Files.getLastModifiedTime(f).toMillis();
                    if (time > bestTime) {
                        bestTime = time;
                        best = new Found(movedWith(s.layout(), Path.of(s.caseFile()).getParent(), caseFile.getParent()), f,
                                s.queries());
                    }
                } catch (IOException | RuntimeException e) {
                    // Another case's broken layout is no reason to lose this one's.
                }
            }
        } catch (IOException e) {
            System.getLogger("inquest").log(System.Logger.Level.WARNING, "cannot list " + dir + ": " + e);
        }
        return Optional.ofNullable(best);
    }

    /**
     * Files of the layout that are gone from their place but sit at the same place relative to the
     * case's new folder: the case folder moved with its dumps.
     */
    static Layout movedWith(Layout layout, Path oldDir, Path newDir) {
        if (oldDir == null || newDir == null || oldDir.equals(newDir)) {
            return layout;
        }
        java.util.Map<String, String> renamed = new java.util.HashMap<>();
        for (String f : layout.files()) {
            Path p = Path.of(f);
            if (!Files.exists(p) && p.startsWith(oldDir)) {
                Path moved = newDir.resolve(oldDir.relativize(p)).normalize();
                if (Files.isRegularFile(moved)) {
                    renamed.put(f, moved.toString());
                }
            }
        }
        return layout.withFiles(renamed);
    }

    /** A moved case's layout moves to the key of its new path (written now, not at the next change). */
    private void adopt(Found f, Path caseFile, String id) {
        Stored s = new Stored(2, caseFile.toString(), id, f.layout(), f.queries());
        Path target = fileFor(caseFile);
        if (closed) {
            return;
        }
        TaskRunner.Lane.WRITES.submit(() -> {
            write(target, s);
            try {
                Files.deleteIfExists(f.adoptedFrom());
            } catch (IOException e) {
                System.getLogger("inquest").log(System.Logger.Level.WARNING, "cannot remove " + f.adoptedFrom() + ": " + e);
            }
        });
    }

    /** The stored layout of a case, if there is a readable one. A broken file is ignored. */
    public Optional<Layout> read(Path caseFile) {
        Path f = fileFor(caseFile);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            Stored s = JSON.readValue(f.toFile(), Stored.class);
            boolean same = s.caseFile() != null && Path.of(s.caseFile()).equals(caseFile.toAbsolutePath().normalize());
            return same && s.layout() != null && s.layout().root() != null ? Optional.of(s.layout()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            System.getLogger("inquest").log(System.Logger.Level.WARNING, "ignoring unreadable layout " + f + ": " + e);
            return Optional.empty();
        }
    }

    private void restore(Path caseFile, Layout layout) {
        Set<String> missing = new LinkedHashSet<>();
        for (String f : layout.files()) {
            if (!Files.isRegularFile(Path.of(f))) {
                missing.add(f);
            }
        }
        List<Layout.Entry> toOpen = window.documents().restore(layout.without(missing));
        for (Layout.Entry e : toOpen) {
            window.open(Path.of(e.file()));
        }
        List<String> reopened = new ArrayList<>(layout.files());
        reopened.removeAll(missing);
        Runnable finish = () -> {
            List<String> failed = window.documents().stopAwaiting().stream().map(Layout.Entry::file).toList();
            reopened.removeAll(failed);
            lastRestored = new Restored(caseFile, List.copyOf(reopened), List.copyOf(missing), failed);
            window.status().setText(describe(lastRestored));
        };
        if (waitingForOpens != null) {
            window.tasks().busyProperty().removeListener(waitingForOpens);
            waitingForOpens = null;
        }
        if (!window.tasks().busyProperty().get()) {
            finish.run();
            return;
        }
        waitingForOpens = (obs, was, busy) -> {
            if (!busy) {
                window.tasks().busyProperty().removeListener(waitingForOpens);
                waitingForOpens = null;
                finish.run();
            }
        };
        window.tasks().busyProperty().addListener(waitingForOpens);
    }

    static String describe(Restored r) {
        StringBuilder sb = new StringBuilder("Layout of " + r.caseFile().getFileName() + " restored: "
                + r.reopened().size() + (r.reopened().size() == 1 ? " file" : " files"));
        if (!r.missing().isEmpty()) {
            sb.append("; not found: ").append(String.join(", ", names(r.missing())));
        }
        if (!r.failed().isEmpty()) {
            sb.append("; could not open: ").append(String.join(", ", names(r.failed())));
        }
        return sb.toString();
    }

    private static List<String> names(List<String> files) {
        return files.stream().map(f -> Path.of(f).getFileName().toString()).toList();
    }

    /** Remembers the current layout for the current case (written in the background). */
    public Future<?> save() {
        soon.stop();
        Path caseFile = current;
        if (caseFile == null || closed) {
            // A closed window's layout was written when it closed; nothing later belongs to it.
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        Stored s = new Stored(2, caseFile.toString(), currentId.get(), window.documents().layout(), List.copyOf(queries));
        return TaskRunner.Lane.WRITES.submit(() -> write(fileFor(caseFile), s));
    }

    /** The window is closing: writes the layout now and stops following the document area. */
    void windowClosed() {
        if (closed) {
            return;
        }
        try {
            save().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.getLogger("inquest").log(System.Logger.Level.WARNING, "cannot save the case layout: " + e);
        }
        closed = true;
    }

    private static void write(Path target, Stored s) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".layout", ".tmp");
            try {
                Files.write(tmp, JSON.writeValueAsBytes(s));
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // A remembered arrangement is a convenience: failing to write it must not interrupt an investigation.
            System.getLogger("inquest").log(System.Logger.Level.WARNING, "cannot save the case layout to " + target + ": " + e);
        }
    }
}
