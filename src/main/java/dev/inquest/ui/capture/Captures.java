package dev.inquest.ui.capture;

import dev.inquest.capture.CaptureArtifacts;
import dev.inquest.capture.CaptureKind;
import dev.inquest.capture.CaptureResult;
import dev.inquest.capture.HeapDumpRequest;
import dev.inquest.capture.JvmConnection;
import dev.inquest.capture.JvmDescriptor;
import dev.inquest.capture.Jvms;
import dev.inquest.capture.RecordingRequest;
import dev.inquest.capture.RecordingSettings;
import dev.inquest.capture.Target;
import dev.inquest.capture.TextSnapshot;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.investigation.session.Edits;
import dev.inquest.ui.shell.ErrorPresenter;
import dev.inquest.ui.shell.MainWindow;
import dev.inquest.ui.view.CaseDesk;
import dev.inquest.ui.task.TaskRunner;
import dev.inquest.ui.welcome.WelcomePage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * Capture from running JVMs in the window (issue 21): File > Capture from a Running JVM... and the
 * welcome page open the {@link CapturePage}; each capture runs on the window's task runner, is saved
 * to the captures folder beside the open case (a new case when none is open), becomes an artifact
 * of the case with its provenance, and opens in its view.
 */
public final class Captures implements CapturePage.Actions {
    private final MainWindow window;
    private final CaseDesk notebook;
    private CapturePage page;
    private Tab tab;
    private boolean listing;
    private TaskRunner.Handle running;

    private Captures(MainWindow window, CaseDesk notebook) {
        this.window = window;
        this.notebook = notebook;
    }

    /** Wires the Capture page into a window whose case notebook is installed ({@code MainWindow.caseDesk()}). */
    public static Captures install(MainWindow window) {
        Captures c = new Captures(window, window.caseDesk().orElseThrow(
                () -> new IllegalStateException("the notebook is installed before captures")));
        MenuItem item = new MenuItem("Capture from a Running JVM...", new FontIcon(MaterialDesignL.LAN_CONNECT));
        item.setId("menu-capture");
        item.setOnAction(e -> c.show());
        window.addFileItem(item);
        for (Tab t : window.documents().allTabs()) {
            if (t.getContent() instanceof WelcomePage welcome) {
                welcome.addStartAction("welcome-capture", "Capture from a running JVM", new FontIcon(MaterialDesignL.LAN_CONNECT),
                        c::show);
            }
        }
        return c;
    }

    /** Shows the Capture page (opening its tab, or bringing it to the front) and lists the JVMs. */
    public void show() {
        if (tab == null || tab.getTabPane() == null) {
            page = new CapturePage(this);
            tab = window.documents().newTab("JVMs", new FontIcon(MaterialDesignL.LAN_CONNECT), page);
            tab.setId("tab-capture");
            tab.setTooltip(new Tooltip("Capture from a running JVM"));
            window.documents().add(tab);
            page.refreshWhileShown(tab);
        } else {
            tab.getTabPane().getSelectionModel().select(tab);
        }
        refresh();
    }

    /** The page, while its tab is open (tests). */
    public Optional<CapturePage> page() {
        return Optional.ofNullable(tab != null && tab.getTabPane() != null ? page : null);
    }

    // ---------------------------------------------------------------- listing

    @Override
    public void refresh() {
        if (listing) {
            return; // one listing at a time: a slow JVM must not pile them up
        }
        listing = true;
        CapturePage shown = page;
        // Attaching reads each JVM's memory over its local agent: never on the FX thread.
        window.tasks().submitQuietly("Listing JVMs", p -> Jvms.list(), (List<JvmDescriptor> jvms) -> {
            listing = false;
            shown.showJvms(jvms);
        }, t -> {
            listing = false;
            shown.showListFailed(ErrorPresenter.describe(t));
        });
    }

    // ---------------------------------------------------------------- taking

    @Override
    public void heapDump(Target jvm, boolean live, boolean gz) {
        take(jvm, CaptureKind.HEAP_DUMP, gz, (c, out, p) -> c.heapDump(new HeapDumpRequest(out, live, gz), p));
    }

    @Override
    public void record(Target jvm, java.time.Duration duration, RecordingSettings settings) {
        take(jvm, CaptureKind.RECORDING, false, (c, out, p) -> c.record(new RecordingRequest(out, duration, settings), p));
    }

    /** The open-ended recording started from the page, and the JVM it runs in; null when none runs. */
    private Target recordingJvm;
    private dev.inquest.capture.RunningRecording recording;

    @Override
    public void startRecording(Target jvm, RecordingSettings settings) {
        String what = "Starting a recording in " + jvm.describe();
        CapturePage shown = page;
        running = window.tasks().submit(what, p -> {
            try (JvmConnection c = Jvms.connect(jvm, p)) {
                return c.startRecording(settings);
            }
        }, (dev.inquest.capture.RunningRecording r) -> {
            running = null;
            recording = r;
            recordingJvm = jvm;
            shown.showDone("Recording " + r.name() + " runs in " + jvm.describe() + ": save what it has so far, or stop it"
                    + " and keep it", false);
            shown.showRecording("Recording " + r.name() + " in " + jvm.describe() + " since "
                    + java.time.LocalTime.ofInstant(r.started(), java.time.ZoneId.systemDefault()).withNano(0));
        }, t -> {
            running = null;
            shown.showDone(what + " failed: " + ErrorPresenter.describe(t), true);
        });
        shown.showRunning(what, window.tasks().fractionProperty(), window.tasks().messageProperty());
    }

    @Override
    public void dumpRecordingSoFar() {
        dev.inquest.capture.RunningRecording r = recording;
        if (r != null) {
            take(recordingJvm, CaptureKind.RECORDING, false, (c, out, p) -> c.dumpRecording(r, out, p));
        }
    }

    @Override
    public void stopRecording() {
        dev.inquest.capture.RunningRecording r = recording;
        if (r == null) {
            return;
        }
        take(recordingJvm, CaptureKind.RECORDING, false, (c, out, p) -> c.stopRecording(r, out, p), result -> {
            recording = null;
            recordingJvm = null;
            page.showRecording(null);
            window.open(result.file());
        });
    }

    @Override
    public void snapshot(Target jvm, CaptureKind kind) {
        take(jvm, kind, false, (c, out, p) -> {
            p.phase("Asking for the " + kind.label(), -1, dev.inquest.progress.Progress.Unit.ITEMS);
            TextSnapshot s = c.snapshot(kind);
            p.checkCancelled();
            CaptureResult r = JvmConnection.save(s, out);
            lastText = s;
            return r;
        });
    }

    /** The text snapshot the last text capture answered with (set on the task's thread, read after it). */
    private volatile TextSnapshot lastText;

    @Override
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    @FunctionalInterface
    private interface Take {
        CaptureResult run(JvmConnection connection, Path out, dev.inquest.progress.Progress progress) throws Exception;
    }

    // ---------------------------------------------------------------- a baseline and a second dump

    /** Opens the second dump compared with the baseline; the composition root sets the heap views' way (null: just open it). */
    private java.util.function.BiConsumer<Path, Path> comparer;
    /**
     * The second dump's time, on the task runner's clock: a {@code PauseTransition} is an
     * animation, and while one runs JavaFX pulses every window 60 times a second (issue 18).
     */
    private java.util.concurrent.Future<?> secondTimer;
    private Target baselineJvm;
    private Path baselineFile;

    /** How the second dump of a baseline pair opens compared with the first ({@code (second, baseline)}). */
    public void setComparer(java.util.function.BiConsumer<Path, Path> comparer) {
        this.comparer = comparer;
    }

    @Override
    public void baseline(Target jvm, int minutes) {
        take(jvm, CaptureKind.HEAP_DUMP, false, (c, out, p) -> c.heapDump(new HeapDumpRequest(out, true, false), p), r -> {
            baselineFile = r.file();
            baselineJvm = jvm;
            java.time.LocalTime due = java.time.LocalTime.now().plusMinutes(minutes).withNano(0);
            page.showBaselineWaiting("Baseline " + r.file().getFileName() + "; the second dump at " + due);
            secondLater(java.util.concurrent.TimeUnit.MINUTES.toMillis(minutes));
        });
    }

    @Override
    public void secondNow() {
        if (baselineFile == null) {
            return;
        }
        if (running != null) {
            // Another capture is under way: the second dump follows it.
            secondLater(5_000);
            return;
        }
        if (secondTimer != null) {
            secondTimer.cancel(false);
            secondTimer = null;
        }
        Path base = baselineFile;
        baselineFile = null;
        page.showBaselineWaiting(null);
        take(baselineJvm, CaptureKind.HEAP_DUMP, false, (c, out, p) -> c.heapDump(new HeapDumpRequest(out, true, false), p),
                r -> {
                    if (comparer != null) {
                        comparer.accept(r.file(), base);
                    } else {
                        window.open(r.file());
                    }
                });
    }

    private void secondLater(long millis) {
        if (secondTimer != null) {
            secondTimer.cancel(false);
        }
        java.util.concurrent.Future<?>[] mine = new java.util.concurrent.Future<?>[1];
        mine[0] = TaskRunner.later(millis, () -> javafx.application.Platform.runLater(() -> {
            if (secondTimer == mine[0]) { // not cancelled or replaced meanwhile
                secondTimer = null;
                secondNow();
            }
        }));
        secondTimer = mine[0];
    }

    private void take(Target jvm, CaptureKind kind, boolean gz, Take work) {
        take(jvm, kind, gz, work, null);
    }

    /** Takes a capture into the case; {@code then} replaces opening it in its view (null: open it). */
    private void take(Target jvm, CaptureKind kind, boolean gz, Take work,
            java.util.function.Consumer<CaptureResult> then) {
        CaseSession session = caseForCapture();
        if (session == null) {
            return;
        }
        Path caseDir = session.folder().orElse(null);
        if (caseDir == null) {
            page.showMessage("The open case has no file, so there is no folder for captures: save it first", true);
            return;
        }
        Path folder = caseDir.resolve(CaptureArtifacts.FOLDER);
        if (kind == CaptureKind.HEAP_DUMP && jvm instanceof Target.Remote) {
            // Over JMX the JVM writes its dump on its own machine: not a file this case can keep.
            page.showMessage(jvm.describe() + ": over JMX a heap dump is written on the JVM's own machine, not here; "
                    + "take it there with: inquest jvm dump --jmx " + jvm.describe() + " --out /path/there.hprof", true);
            return;
        }
        String what = kind.label().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + kind.label().substring(1)
                + " of " + jvm.describe();
        CapturePage shown = page;
        running = window.tasks().submit(what, p -> {
            Files.createDirectories(folder);
            try (JvmConnection c = Jvms.connect(jvm, p)) {
                // Named after the JVM as it says it is (a remote one is only known once connected).
                Path out = CaptureArtifacts.fileFor(folder, c.identity().pid(), c.identity().mainClass(), kind, Instant.now(), gz);
                return work.run(c, out, p);
            }
        }, (CaptureResult r) -> {
            running = null;
            landed(session, caseDir, r, shown, then);
        }, t -> {
            running = null;
            boolean cancelled = isCancel(t);
            shown.showDone(cancelled ? what + ": cancelled, nothing kept" : what + " failed: " + ErrorPresenter.describe(t), true);
            window.status().setText(cancelled ? what + " cancelled" : what + " failed");
        });
        shown.showRunning(what, window.tasks().fractionProperty(), window.tasks().messageProperty());
    }

    private static boolean isCancel(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    /** The open case, or a new one when none is open; null (said so) when it is read-only. */
    private CaseSession caseForCapture() {
        if (notebook.session().isEmpty()) {
            notebook.newInvestigation();
        }
        Optional<CaseSession> s = notebook.session();
        if (s.isEmpty()) {
            page.showMessage("No case to keep the capture in: Case > New Investigation (Ctrl+N) starts one", true);
            return null;
        }
        if (s.get().readOnly()) {
            page.showMessage("The open case is read-only (" + s.get().readOnlyReason() + "): open or start another to capture into", true);
            return null;
        }
        return s.get();
    }

    /** A capture done: an artifact of the case it was taken for, then open in its view. */
    private void landed(CaseSession session, Path caseDir, CaptureResult r, CapturePage shown,
            java.util.function.Consumer<CaptureResult> then) {
        if (notebook.session().orElse(null) == session) {
            notebook.apply(Edits.addArtifact(CaptureArtifacts.artifact(r, caseDir)));
        }
        String where = caseDir.relativize(r.file()).toString();
        shown.showDone("Took the " + r.kind().label() + " of " + r.jvm().describe() + " in "
                + dev.inquest.format.Units.elapsed(r.millis()) + ": " + where + "  (" + r.command() + ")", false);
        if (then != null) {
            then.accept(r);
        } else if (r.kind().isText()) {
            TextSnapshot s = lastText;
            if (s != null) {
                openText(s, r.file());
            }
        } else {
            window.open(r.file());
        }
        window.status().setText("Captured " + r.kind().label() + " " + r.file().getFileName());
    }

    private void openText(TextSnapshot s, Path file) {
        TextSnapshotView view = new TextSnapshotView(s, file.toString());
        Tab t = window.documents().newTab(file.getFileName().toString(), new FontIcon(MaterialDesignC.CONSOLE_LINE), view);
        t.setTooltip(new Tooltip(file.toString()));
        window.documents().add(t);
    }
}
