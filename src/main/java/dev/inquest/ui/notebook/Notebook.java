package dev.inquest.ui.notebook;

import dev.inquest.ui.task.TaskRunner;
import dev.inquest.ui.view.CaseDesk;
import dev.inquest.ui.view.EvidenceReopener;
import dev.inquest.ui.view.EvidenceSourceView;
import dev.inquest.ui.view.TabEvidence;
import dev.inquest.input.FileKind;
import dev.inquest.investigation.artifact.ArtifactCheck;
import dev.inquest.investigation.artifact.ArtifactFiles;
import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceSource;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.Stance;
import dev.inquest.investigation.session.CaseEdit;
import dev.inquest.investigation.session.CaseListener;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.investigation.session.Edits;
import dev.inquest.ui.shell.MainWindow;
import dev.inquest.ui.welcome.WelcomePage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * The case notebook of one window: opens and creates cases, shows the open one beside the
 * documents, takes evidence pinned from views, reopens views from evidence, exports, presents.
 *
 * <p>Views use three calls: {@link #of(MainWindow)} to find it, {@link #pin(Evidence)} (or let
 * Ctrl+P ask their content node, see {@link EvidenceSourceView}) and {@link #addReopener}.
 * All methods run on the FX thread.
 */
public final class Notebook implements CaseDesk {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final MainWindow window;
    private final List<EvidenceReopener> reopeners = new CopyOnWriteArrayList<>();
    private final Menu menu = new Menu("Case");
    private final Presenter presenter = new Presenter();
    private CaseSession session;
    private CaseListener listener;
    private NotebookView view;
    private String currentHypothesis;
    private boolean presenting;
    private EventHandler<KeyEvent> presentationKeys;
    private BiFunction<Window, String, Path> newCaseChooser = Notebook::chooseNewCaseFile;
    private Function<Window, Path> openCaseChooser = Notebook::chooseCaseFile;
    private java.util.function.Supplier<Path> newCaseFolder = Notebook::defaultCaseFolder;
    private Function<Window, Path> exportFolderChooser = Notebook::chooseFolder;
    private WelcomePage welcome;

    private Notebook(MainWindow window) {
        this.window = window;
    }

    /**
     * Wires the notebook into a window: the case file opener, the Case menu and its shortcuts, the
     * welcome page's "New investigation" and recent cases. InquestApp calls this; tests do the same.
     */
    public static Notebook install(MainWindow window) {
        Notebook nb = new Notebook(window);
        window.setCaseDesk(nb);
        window.registerOpener(FileKind.CASE, (file, w) -> nb.open(file));
        nb.buildMenu();
        window.addMenu(nb.menu);
        nb.installKeys();
        nb.installWelcome();
        window.onClose(nb::flush);
        return nb;
    }

    /** The notebook installed in a window, for views that pin evidence or reopen it. */
    public static Optional<Notebook> of(MainWindow window) {
        return window.caseDesk().filter(Notebook.class::isInstance).map(Notebook.class::cast);
    }

    public Optional<CaseSession> session() {
        return Optional.ofNullable(session);
    }

    NotebookView view() {
        return view;
    }

    /** The notebook panel (null when no case is open); tests look things up in it. */
    public Node panel() {
        return view == null ? null : view.node();
    }

    // ------------------------------------------------------------------ opening and creating

    /** Opens a case file into the notebook, replacing the open case (which is already saved). */
    public void open(Path file) {
        try {
            attach(CaseSession.open(file));
            window.status().setText("Opened case " + file.getFileName()
                    + (session.readOnly() ? " read-only: " + session.readOnlyReason() : ""));
        } catch (IOException | RuntimeException e) {
            window.showError("Cannot open case " + file.getFileName(), e);
        }
    }

    /** Creates a new case file with a title and opens it. */
    public void create(Path file, String title) {
        try {
            attach(CaseSession.create(file, Case.create(title, LocalDate.now())));
            window.settings().addRecentFile(file);
            window.status().setText("New case " + file.getFileName());
        } catch (IOException | RuntimeException e) {
            window.showError("Cannot create case " + file.getFileName(), e);
        }
    }

    /**
     * Starts a case at once, without asking where to keep it: in the cases folder
     * ({@link #defaultCaseFolder()}), under a free dated name, saved (atomically, as every save) as it
     * changes. Asking first, in the working directory, stood between the user and the first
     * hypothesis; "New Investigation In..." still asks. The cursor goes to the title.
     */
    public void newInvestigation() {
        Path file;
        try {
            file = freeCaseName(newCaseFolder.get(), LocalDate.now());
        } catch (IOException | RuntimeException e) {
            window.showError("Cannot create the cases folder", e);
            return;
        }
        create(file, "New investigation");
        if (view != null) {
            // The notebook's hint names the whole path; Case > New Investigation In... chooses another place.
            window.status().setText("New investigation " + file.getFileName() + " in " + file.getParent());
            Platform.runLater(view::focusTitle);
        }
    }

    /** Asks where to keep the new case (starting in the cases folder), creates it and puts the cursor in its title. */
    public void newInvestigationIn() {
        Path file = newCaseChooser.apply(window.stage(), "investigation.inquest");
        if (file == null) {
            return;
        }
        if (!file.getFileName().toString().contains(".")) {
            file = file.resolveSibling(file.getFileName() + ".inquest");
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "").replace('-', ' ').replace('_', ' ');
        create(file, name.isBlank() ? "New investigation" : Character.toUpperCase(name.charAt(0)) + name.substring(1));
        if (view != null) {
            Platform.runLater(view::focusTitle);
        }
    }

    /** Where new cases go unless the user chooses: tests point it at their own folder. */
    public void setNewCaseFolder(java.util.function.Supplier<Path> folder) {
        this.newCaseFolder = folder;
    }

    /**
     * The cases folder: {@code <inquest.home>/cases} when that property is set, else "Inquest cases"
     * in the user's Documents folder (or home when there is none). Never the working directory,
     * which for a desktop launch is wherever the launcher happened to start.
     */
    public static Path defaultCaseFolder() {
        String home = System.getProperty("inquest.home");
        if (home != null) {
            return Path.of(home, "cases");
        }
        Path user = Path.of(System.getProperty("user.home"));
        Path documents = user.resolve("Documents");
        return (Files.isDirectory(documents) ? documents : user).resolve("Inquest cases");
    }

    /** investigation-2026-12-05.inquest, or -2, -3... when taken; creates the folder. */
    static Path freeCaseName(Path folder, LocalDate day) throws IOException {
        Files.createDirectories(folder);
        String stem = "investigation-" + day;
        Path p = folder.resolve(stem + ".inquest");
        for (int n = 2; Files.exists(p); n++) {
            p = folder.resolve(stem + "-" + n + ".inquest");
        }
        return p;
    }

    private void attach(CaseSession s) {
        detach();
        session = s;
        // One thread for all ordered writes: a later save never overtakes an earlier one.
        session.autosaveWith(TaskRunner.Lane.WRITES.executor());
        Case now = s.current();
        currentHypothesis = now == null || now.hypotheses().isEmpty() ? null : now.hypotheses().getFirst().id();
        NotebookView v = new NotebookView(this, s);
        view = v;
        view.renderSaveState(s.readOnly() ? "Read-only" : s.path().isPresent() ? "Saved" : "Not saved to a file", s.readOnly());
        listener = new CaseListener() {
            @Override
            public void changed(Case before, Case after, String label) {
                fx(() -> {
                    // Late callbacks of a case that was replaced in the meantime update its own (detached) view.
                    v.render();
                    if (presenting && v == view) {
                        presenter.show(after, currentHypothesis);
                    }
                    refreshMenu();
                    window.status().setText(label);
                });
            }

            @Override
            public void saved(Path file) {
                fx(() -> v.renderSaveState("Saved " + LocalTime.now().format(CLOCK), false));
            }

            @Override
            public void saveFailed(IOException problem) {
                fx(() -> v.renderSaveState("Save failed: " + dev.inquest.input.FileProblems.describe(problem), true));
            }
        };
        session.addListener(listener);
        window.setSidePanel(view.node());
        refreshMenu();
        // The window's arrangement is remembered per case (outside the case file: see CaseLayouts).
        // Keyed by path, and by what the case says of itself so that the layout follows a moved case file.
        window.caseLayouts().caseOpened(s.path().orElse(null), () -> {
            Case c = s.current();
            return c == null ? null : dev.inquest.ui.shell.CaseLayouts.identity(c.created(), c.title());
        });
    }

    private void detach() {
        if (session != null) {
            session.removeListener(listener);
            session.save();
            if (presenting) {
                togglePresentation();
            }
        }
        session = null;
        view = null;
    }

    /** Writes the open case now (window close; tests). Returns false when the save failed. */
    public boolean flush() {
        return session == null || session.readOnly() || session.save();
    }

    private static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    // ------------------------------------------------------------------ editing

    /** Applies an edit to the open case (autosaved, undoable). */
    public void apply(CaseEdit edit) {
        if (session == null) {
            status("No case is open: Case > New Investigation (Ctrl+N) or open a .inquest file");
            return;
        }
        if (session.readOnly()) {
            status("This case is read-only: " + session.readOnlyReason());
            return;
        }
        session.apply(edit);
    }

    public void undo() {
        if (session != null && !session.readOnly() && session.canUndo()) {
            session.undo();
        }
    }

    public void redo() {
        if (session != null && !session.readOnly() && session.canRedo()) {
            session.redo();
        }
    }

    /** Ctrl+H: shows the notebook and puts the cursor in the new-hypothesis field. */
    public void newHypothesis() {
        if (session == null) {
            newInvestigation();
        }
        if (view != null) {
            // Beside the documents, or over them when the window is too narrow to keep it beside.
            window.revealSidePanel();
            view.focusNewHypothesis();
        }
    }

    void setCurrentHypothesis(String id) {
        currentHypothesis = id;
    }

    void status(String text) {
        window.status().setText(text);
    }

    void restoreBackup() {
        try {
            session.restoreBackup();
            view.render();
            view.renderSaveState("Restored the last good autosave", false);
        } catch (IOException e) {
            window.showError("Cannot restore the autosave", e);
        }
    }

    void keepMine() {
        try {
            session.keepMine();
        } catch (IOException e) {
            window.showError("Cannot save the case", e);
        }
        view.render();
    }

    void takeTheirs() {
        try {
            session.takeTheirs();
            view.renderSaveState("Took the version on disk", false);
        } catch (IOException e) {
            window.showError("Cannot read the case from disk", e);
        }
        view.render();
    }

    // ------------------------------------------------------------------ evidence

    /**
     * Ctrl+P: asks the selected tab's content for its selection (or the registered
     * {@link TabEvidence} sources, for content that drafts off the FX thread) and pins it.
     *
     * @return true when a draft was handed to the pin dialog or is being built for it
     */
    @Override
    public boolean pinSelection() {
        return pinFromSelection();
    }

    public boolean pinFromSelection() {
        Tab tab = window.documents().selectedTab();
        Node content = tab == null ? null : tab.getContent();
        if (content instanceof EvidenceSourceView v) {
            Optional<Evidence> draft = v.evidenceForSelection();
            if (draft.isEmpty()) {
                status(NOTHING_SELECTED);
                return false;
            }
            pin(draft.get());
            return true;
        }
        for (TabEvidence source : tabSources) {
            switch (tab == null ? TabEvidence.Answer.NOT_MINE : source.draft(tab, this::pin)) {
                case NOT_MINE -> {
                    continue;
                }
                case NOTHING_SELECTED -> {
                    status(NOTHING_SELECTED + ": click a row, a suspect card or an inspected object first");
                    return false;
                }
                case DRAFTING -> {
                    status("Reading the figures to pin...");
                    return true;
                }
            }
        }
        status("Nothing to pin here: select a row, frame or chart point in a heap or recording view");
        return false;
    }

    static final String NOTHING_SELECTED = "Nothing selected to pin";

    private final List<TabEvidence> tabSources = new CopyOnWriteArrayList<>();

    /** Registers a Ctrl+P source for tabs whose content is not an {@link EvidenceSourceView} (heap dumps). */
    @Override
    public void addTabEvidence(TabEvidence source) {
        tabSources.add(source);
    }

    /** Opens the pin dialog for a draft from a view (see {@link EvidenceSourceView} for the contract). */
    public void pin(Evidence draft) {
        pin(draft, currentHypothesis);
    }

    void pin(Evidence draft, String preselect) {
        if (session == null) {
            newInvestigation();
            if (session == null) {
                return;
            }
        }
        if (session.readOnly()) {
            status("This case is read-only: " + session.readOnlyReason());
            return;
        }
        PinDialog.show(window.stage(), session.current(), draft, preselect, choice -> {
            Evidence e = draft;
            if (choice.noteText() != null) {
                e = Evidence.note(choice.stance(), choice.noteText());
            }
            pinTo(choice.hypothesisId(), choice.hypothesisId() == null ? choice.newStatement() : null, e, choice.stance());
        });
    }

    /**
     * Pins without asking, as one undo step: adds the artifact the draft names by path (first pin
     * from a file), adds the hypothesis when {@code newStatement} is given, and pins.
     *
     * @param hypothesisId an existing hypothesis, or null with {@code newStatement}
     * @return the evidence as stored (with its id), or empty when nothing was pinned
     */
    public Optional<Evidence> pinTo(String hypothesisId, String newStatement, Evidence draft, Stance stance) {
        if (session == null || session.readOnly()) {
            status(session == null ? "No case is open" : "This case is read-only");
            return Optional.empty();
        }
        Evidence e = draft.withStance(stance);
        Artifact newArtifact = null;
        try {
            newArtifact = ArtifactFiles.forSource(session.current(), e.source(), caseDir());
        } catch (IOException ex) {
            status("Pinned without a link to the file: " + ex.getMessage());
            e = e.withSource(null);
        }
        CaseEdit edit = Edits.pinDraft(hypothesisId, newStatement, e, newArtifact, Instant.now());
        List<String> before = evidenceIds(session.current());
        Case after = session.apply(edit);
        currentHypothesis = hypothesisId != null ? hypothesisId : after.hypotheses().getLast().id();
        if (view != null) {
            view.expand(currentHypothesis);
            view.render();
        }
        return after.hypotheses().stream().flatMap(h -> h.evidence().stream())
                .filter(x -> x.id() != null && !before.contains(x.id())).findFirst();
    }

    private static List<String> evidenceIds(Case c) {
        List<String> ids = new ArrayList<>();
        c.hypotheses().forEach(h -> h.evidence().forEach(e -> ids.add(e.id())));
        return ids;
    }

    private Path caseDir() {
        return session == null ? null : session.folder().orElse(null);
    }

    /** Registers a way to reopen views (heap, JFR) from pinned evidence; tried in order. */
    @Override
    public void addReopener(EvidenceReopener reopener) {
        reopeners.add(reopener);
    }

    /**
     * Reopens the view the evidence came from, on the same object or frame, when its artifact is
     * still there with the same content; otherwise shows the stored figures and says why.
     *
     * @return completes on the FX thread with true when a view was reopened
     */
    public java.util.concurrent.CompletableFuture<Boolean> reopen(Evidence e) {
        EvidenceSource src = e.source();
        Optional<Artifact> artifact = src == null || session == null ? Optional.empty() : session.current().artifact(src.artifact());
        if (src == null) {
            showFigures(e, "Written by hand or imported: there is no view to reopen.");
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        } else if (artifact.isEmpty()) {
            showFigures(e, "The case has no artifact " + src.artifact() + ".");
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        }
        // Checking the artifact hashes its head (and may search for it): off the FX thread.
        java.util.concurrent.CompletableFuture<Boolean> reopened = new java.util.concurrent.CompletableFuture<>();
        CaseSession asked = session;
        Path dir = caseDir();
        window.tasks().submitQuietly("Checking " + artifact.get().path(), p -> check(artifact.get(), dir), check -> {
            if (session != asked) {
                // The case changed while its file was being checked: the evidence belongs to a closed case.
                reopened.complete(false);
                return;
            }
            reopened.complete(reopenChecked(e, src, artifact.get(), check));
        }, t -> reopened.complete(false));
        return reopened;
    }

    private boolean reopenChecked(Evidence e, EvidenceSource src, Artifact artifact, ArtifactCheck check) {
        String why;
        switch (check.state()) {
            case SAME, MOVED -> {
                if (check.state() == ArtifactCheck.State.MOVED) {
                    Path dir = caseDir();
                    Path found = check.found().toAbsolutePath().normalize();
                    apply(Edits.relocateArtifact(artifact.id(), dir != null && found.startsWith(dir)
                            ? dir.relativize(found).toString() : found.toString()));
                }
                for (EvidenceReopener r : reopeners) {
                    if (r.reopen(src, check.found())) {
                        return true;
                    }
                }
                why = "No view in this window can show " + src.view() + " yet; these are the figures as pinned.";
            }
            case CHANGED -> why = check.message() + ". Objects in it may not be where they were, so these are the figures as pinned.";
            default -> why = check.message() + ". These are the figures as pinned.";
        }
        showFigures(e, why);
        return false;
    }

    /** Where the artifact is now and whether it is the same file (reads the disk: never on the FX thread). */
    private static ArtifactCheck check(Artifact artifact, Path caseDir) {
        try {
            return ArtifactCheck.check(artifact, caseDir, List.of());
        } catch (IOException ex) {
            return new ArtifactCheck(ArtifactCheck.State.MISSING, null, ex.getMessage());
        }
    }

    /**
     * Checks each artifact against its fingerprint off the FX thread; {@code then} receives each
     * one's state in lower case ("same", "moved", "changed", "missing", "unreadable") on the FX
     * thread.
     */
    void checkArtifacts(List<Artifact> artifacts, Path caseDir, java.util.function.Consumer<java.util.Map<Artifact, String>> then) {
        if (artifacts.isEmpty()) {
            return;
        }
        window.tasks().submitQuietly("Checking the case's files", p -> {
            java.util.Map<Artifact, String> states = new java.util.LinkedHashMap<>();
            for (Artifact a : artifacts) {
                String state;
                try {
                    state = ArtifactCheck.check(a, caseDir, List.of()).state().name().toLowerCase(java.util.Locale.ROOT);
                } catch (IOException e) {
                    state = "unreadable";
                }
                states.put(a, state);
            }
            return states;
        }, then, failed -> {
        });
    }

    Dialog<?> showFigures(Evidence e) {
        return showFigures(e, null);
    }

    private Dialog<?> showFigures(Evidence e, String why) {
        status(why == null ? "Evidence " + e.id() : why);
        return FiguresDialog.show(window.stage(), e, why);
    }

    // ------------------------------------------------------------------ export, presentation

    /** Opens the export dialog (subtask or report, preview, copy, write). */
    public void showExport() {
        if (session == null || session.current() == null) {
            status("Open a case to export it");
            return;
        }
        Path folder = caseDir() != null ? caseDir() : Path.of(System.getProperty("user.home"));
        ExportDialog.show(window.stage(), () -> session.current(), folder, exportFolderChooser, this::status);
    }

    public boolean presenting() {
        return presenting;
    }

    /**
     * F5: larger type and a high-contrast palette on the whole window (every view scales, tables
     * too, because they size in em), the notebook shows the current hypothesis beside the view,
     * and PageDown/PageUp step through the evidence.
     */
    public void togglePresentation() {
        var root = window.root();
        var scene = window.stage().getScene();
        if (!presenting) {
            if (session == null || session.current() == null) {
                status("Open a case to present it");
                return;
            }
            presenting = true;
            root.getStyleClass().add("presentation");
            window.overrideFontSize(Math.max(20, Math.round(window.fontSize() * 1.6)));
            if (!window.sidePanelShown()) {
                window.toggleSidePanel();
            }
            presenter.show(session.current(), currentHypothesis);
            view.showInstead(presenter.node());
            // Side by side, the view at three fifths: its names and figures are in large type too and
            // are cut when squeezed, while the presenter's sentences wrap onto more lines (issue 18).
            splitPane().ifPresent(sp -> {
                dividers = sp.getDividerPositions();
                sp.setDividerPositions(presentingViewShare(sp.getWidth()));
            });
            presentationKeys = e -> {
                boolean typing = scene.getFocusOwner() instanceof TextInputControl;
                switch (e.getCode()) {
                    case PAGE_DOWN -> presenter.next();
                    case PAGE_UP -> presenter.previous();
                    case ESCAPE -> togglePresentation();
                    case ENTER -> {
                        if (typing || presenter.current() == null || presenter.current().evidence() == null) {
                            return;
                        }
                        reopen(presenter.current().evidence());
                    }
                    default -> {
                        return;
                    }
                }
                Presenter.Stop s = presenter.current();
                if (s != null) {
                    currentHypothesis = s.hypothesis().id();
                }
                e.consume();
            };
            scene.addEventFilter(KeyEvent.KEY_PRESSED, presentationKeys);
            status("Presentation mode: PageDown/PageUp walk the evidence, F5 or Esc ends");
        } else {
            presenting = false;
            root.getStyleClass().remove("presentation");
            window.restoreFontSize();
            if (view != null) {
                view.showInstead(null);
            }
            splitPane().ifPresent(sp -> {
                if (dividers != null && dividers.length == sp.getDividers().size()) {
                    sp.setDividerPositions(dividers);
                }
            });
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, presentationKeys);
            status("Presentation mode ended");
        }
    }

    private double[] dividers;

    /** Below this width the view takes {@link #NARROW_VIEW_SHARE} while presenting, else three fifths. */
    static final double NARROW_WIDTH = 1200;
    /**
     * The view's share of a narrow window while presenting (issue 18): at 1024 px three fifths left
     * the dominator tree and the histogram their names only, every figure past the table's width;
     * at 0.75 a class's short name and the first figure column fit, and the presenter's sentences
     * wrap in the 250 px left.
     */
    static final double NARROW_VIEW_SHARE = 0.75;

    static double presentingViewShare(double width) {
        return width > 0 && width < NARROW_WIDTH ? NARROW_VIEW_SHARE : 0.6;
    }

    /** The split pane holding the documents and the notebook (the shell does not expose it). */
    private Optional<javafx.scene.control.SplitPane> splitPane() {
        for (Node n = view == null ? null : view.node(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.SplitPane sp) {
                return Optional.of(sp);
            }
        }
        return Optional.empty();
    }

    /** The hypothesis presentation mode shows (and the pin dialog preselects). */
    public Optional<Hypothesis> currentHypothesis() {
        return session == null || session.current() == null ? Optional.empty() : session.current().hypothesis(currentHypothesis);
    }

    // ------------------------------------------------------------------ menu, keys, welcome

    private MenuItem undoItem;
    private MenuItem redoItem;
    private final List<MenuItem> needCase = new ArrayList<>();

    private void buildMenu() {
        menu.setId("menu-case");
        MenuItem create = item("New Investigation", "menu-case-new", MaterialDesignN.NOTEBOOK_PLUS_OUTLINE,
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::newInvestigation);
        MenuItem createIn = item("New Investigation In...", "menu-case-new-in", MaterialDesignN.NOTEBOOK_PLUS_OUTLINE,
                null, this::newInvestigationIn);
        MenuItem open = item("Open Case...", "menu-case-open", MaterialDesignF.FOLDER_OPEN_OUTLINE, null, () -> {
            Path p = openCaseChooser.apply(window.stage());
            if (p != null) {
                window.open(p);
            }
        });
        MenuItem export = item("Export...", "menu-case-export", MaterialDesignF.FILE_EXPORT_OUTLINE,
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::showExport);
        // The key filter in installKeys sees Ctrl+Z first; the accelerators show the keys in the menu.
        undoItem = item("Undo", "menu-undo", MaterialDesignU.UNDO, UNDO, this::undo);
        redoItem = item("Redo", "menu-redo", MaterialDesignU.UNDO, REDO, this::redo);
        redoItem.setGraphic(new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignR.REDO));
        MenuItem hypothesis = item("New Hypothesis", "menu-new-hypothesis", MaterialDesignP.PLUS_CIRCLE_OUTLINE,
                new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), this::newHypothesis);
        MenuItem pin = item("Pin as Evidence", "menu-pin", MaterialDesignP.PIN_OUTLINE,
                new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), this::pinFromSelection);
        MenuItem toggle = item("Show/Hide Notebook", "menu-toggle-notebook", MaterialDesignB.BOOK_OPEN_PAGE_VARIANT_OUTLINE,
                MainWindow.NOTEBOOK_KEYS, window::toggleSidePanel);
        MenuItem present = item("Presentation Mode", "menu-presentation", MaterialDesignP.PRESENTATION,
                new KeyCodeCombination(KeyCode.F5), this::togglePresentation);
        needCase.addAll(List.of(export, undoItem, redoItem, toggle, present));
        menu.getItems().addAll(create, createIn, open, new SeparatorMenuItem(), export, new SeparatorMenuItem(), undoItem, redoItem,
                new SeparatorMenuItem(), hypothesis, pin, new SeparatorMenuItem(), toggle, present);
        menu.setOnShowing(e -> refreshMenu());
        // Presentation's own keys (a filter while presenting, not accelerators): the sheet lists them too.
        window.describeKey("Presentation mode", "Next / previous evidence", "PageDown, PageUp");
        window.describeKey("Presentation mode", "Reopen the evidence's view", "Enter");
        window.describeKey("Presentation mode", "End presentation", "Escape");
        refreshMenu();
    }

    private static MenuItem item(String text, String id, org.kordamp.ikonli.Ikon icon, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setId(id);
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void refreshMenu() {
        boolean has = session != null;
        needCase.forEach(i -> i.setDisable(!has));
        boolean writable = has && !session.readOnly();
        undoItem.setDisable(!writable || !session.canUndo());
        redoItem.setDisable(!writable || !session.canRedo());
        undoItem.setText(writable ? session.undoLabel().map(l -> "Undo " + l).orElse("Undo") : "Undo");
        redoItem.setText(writable ? session.redoLabel().map(l -> "Redo " + l).orElse("Redo") : "Redo");
    }

    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

    /**
     * Ctrl+Z / Ctrl+Shift+Z undo case edits, except while a field has typing of its own to undo:
     * in a notebook field the whole uncommitted burst is one step ({@link Fields}); any other text
     * field (a view's filter) keeps its own undo, as everywhere else on the desktop.
     */
    private void installKeys() {
        window.stage().getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean undo = UNDO.match(e);
            boolean redo = REDO.match(e) || REDO_Y.match(e);
            if (!undo && !redo || session == null) {
                return;
            }
            if (window.stage().getScene().getFocusOwner() instanceof TextInputControl t) {
                if (Fields.isNotebookField(t)) {
                    // A typing burst not yet committed is one step of its own (see Fields).
                    if (undo ? Fields.undoBurst(t) : Fields.redoBurst(t)) {
                        e.consume();
                        return;
                    }
                    if (Fields.hasBurst(t)) {
                        return;
                    }
                } else if (undo ? t.isUndoable() : t.isRedoable()) {
                    return;
                }
            }
            if (undo) {
                undo();
            } else {
                redo();
            }
            e.consume();
        });
    }

    private void installWelcome() {
        for (Tab tab : window.documents().allTabs()) {
            if (tab.getContent() instanceof WelcomePage page) {
                welcome = page;
            }
        }
        if (welcome == null) {
            return;
        }
        welcome.addStartAction("welcome-new-case", "New investigation", new FontIcon(MaterialDesignN.NOTEBOOK_PLUS_OUTLINE),
                this::newInvestigation);
        List<WelcomePage.RecentCase> cases = new ArrayList<>();
        for (Path p : window.settings().recentFiles()) {
            if (p.getFileName().toString().endsWith(".inquest") && Files.isRegularFile(p)) {
                cases.add(new WelcomePage.RecentCase(p, caseTitle(p)));
            }
        }
        welcome.showRecentCases(cases, window::open);
    }

    /** The title without opening a session: a broken file still lists, by its name. */
    private static String caseTitle(Path p) {
        try {
            return dev.inquest.investigation.store.CaseFile.read(p).value().title();
        } catch (IOException | RuntimeException e) {
            return p.getFileName().toString();
        }
    }

    // ------------------------------------------------------------------ choosers (replaceable in tests)

    public void setNewCaseChooser(BiFunction<Window, String, Path> chooser) {
        this.newCaseChooser = chooser;
    }

    public void setOpenCaseChooser(Function<Window, Path> chooser) {
        this.openCaseChooser = chooser;
    }

    public void setExportFolderChooser(Function<Window, Path> chooser) {
        this.exportFolderChooser = chooser;
    }

    private static Path chooseNewCaseFile(Window owner, String suggested) {
        FileChooser c = new FileChooser();
        c.setTitle("Where to keep the new investigation");
        c.setInitialFileName(suggested);
        Path folder = defaultCaseFolder();
        if (Files.isDirectory(folder)) {
            c.setInitialDirectory(folder.toFile());
        }
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Inquest cases", "*.inquest"));
        var f = c.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    private static Path chooseCaseFile(Window owner) {
        FileChooser c = new FileChooser();
        c.setTitle("Open a case");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Inquest cases", "*.inquest"));
        var f = c.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    private static Path chooseFolder(Window owner) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Export to folder");
        var f = c.showDialog(owner);
        return f == null ? null : f.toPath();
    }
}
