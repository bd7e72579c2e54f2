package dev.inquest.ui.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 */
public final class CaseLayouts {
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The stored file: which case it belongs to (hash collisions, moved folders) and the layout. */
    record Stored(int version, String caseFile, Layout layout) {
    }

    /** What the last restore did, for the status bar and tests. */
    public record Restored(Path caseFile, List<String> reopened, List<String> missing, List<String> failed) {
    }

    private final MainWindow window;
    private final Path folder;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inquest-layout-writer");
        t.setDaemon(true);
        return t;
    });
    private final PauseTransition soon = new PauseTransition(Duration.millis(600));
    private Path current;
    private boolean closed;
    private Restored lastRestored;
    private ChangeListener<Boolean> waitingForOpens;

    CaseLayouts(MainWindow window, Path folder) {
        this.window = window;
        this.folder = folder;
        soon.setOnFinished(e -> save());
        window.documents().setOnChange(() -> {
            if (current != null && !closed) {
                soon.playFromStart();
            }
        });
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

    /** The case whose layout is being remembered, or null. */
    public Path currentCase() {
        return current;
    }

    public Optional<Restored> lastRestored() {
        return Optional.ofNullable(lastRestored);
    }

    /**
     * The notebook opened a case (null: none): remembers the previous case's layout, then brings
     * back this one's, reopening its files.
     */
    public void caseOpened(Path caseFile) {
        Path next = caseFile == null ? null : caseFile.toAbsolutePath().normalize();
        if (closed || Objects.equals(next, current)) {
            return;
        }
        if (current != null) {
            save();
        }
        current = next;
        if (next != null) {
            read(next).ifPresent(l -> restore(next, l));
        }
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
        if (caseFile == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        Stored s = new Stored(1, caseFile.toString(), window.documents().layout());
        return writer.submit(() -> write(fileFor(caseFile), s));
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
        writer.shutdown();
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
