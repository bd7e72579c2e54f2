package dev.inquest.ui.shell;

import dev.inquest.Version;
import dev.inquest.input.BadInputException;
import dev.inquest.input.FileKind;
import dev.inquest.input.FileProblems;
import dev.inquest.ui.task.TaskRunner;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.view.CaseDesk;
import dev.inquest.ui.view.ClassLinks;
import dev.inquest.ui.welcome.WelcomePage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The workbench shell: menu bar, tool bar, the document tabs and the status bar. Views for heap
 * dumps, recordings and cases plug into the document area; the shell only knows how to open a
 * file, detect its kind and give it a tab.
 */
public final class MainWindow {
    private static final double BASE_FONT = 13;

    private final Stage stage;
    private final Settings settings;
    private final BorderPane root = new BorderPane();
    private final DocumentArea documents = new DocumentArea();
    private final ClassLinks links = new ClassLinks();
    /** The documents and the notebook beside them, which gives way to them in a narrow window. */
    private final SidePanelSpace workArea = new SidePanelSpace(documents.node(), root.getStyleClass());
    private Node sidePanel;
    private MenuBar menuBar;
    private final StatusBar status = new StatusBar();
    private final TaskRunner tasks = new TaskRunner();
    private final Map<FileKind, DocumentOpener> openers = new EnumMap<>(FileKind.class);
    private final Menu recentMenu = new Menu("Open Recent");
    private Menu fileMenu;
    private double fontSize;
    /** Presentation's type size while presenting, 0 otherwise. */
    private double modeFontSize;
    private Function<Stage, List<Path>> fileChooser = MainWindow::showFileChooser;
    private final CaseLayouts layouts;
    /** Null: the user's data folder ({@link dev.inquest.demo.Demo#defaultDir()}), read when the button is pressed. */
    private Path demoFolder;
    private final List<Runnable> closeActions = new java.util.ArrayList<>();
    private boolean ended;
    private CaseDesk caseDesk;

    public MainWindow(Stage stage, Settings settings) {
        this.stage = stage;
        this.settings = settings;
        this.fontSize = settings.getDouble("font.size", BASE_FONT);
        Theme.parse(settings.get("theme", "LIGHT")).apply();

        status.setId("status-bar");
        status.setText("Ready");
        installTaskStatus();

        root.setTop(new VBox(buildMenuBar(), buildToolBar()));
        root.setCenter(workArea.node());
        root.setBottom(status);
        showWelcome();
        installDragAndDrop();
        applyFontSize();

        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/inquest/ui/inquest.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Inquest");
        // Views built while zoomed (a heap section opened later), and views hidden while the zoom
        // changed, get their columns scaled after their next layout; at the base size with every
        // column back at it, nothing is walked.
        scene.addPostLayoutPulseListener(() -> {
            long now = System.nanoTime();
            double scale = shownFontSize() / BASE_FONT;
            if ((scale != 1 || !columnZoom.settled(scale)) && now - lastColumnWalk > 200_000_000L) {
                lastColumnWalk = now;
                columnZoom.apply(root, scale);
            }
        });
        layouts = new CaseLayouts(this, settings.folder());
        followStage(scene);
    }

    /**
     * The window ends when its stage hides or when the stage is given another scene (another
     * window on the same stage: TestFX hands every test class the same primary stage). Its state
     * lives on this object and its scene root, never on the stage, and its handlers leave the stage
     * when it ends: a later window on the stage neither finds this one's notebook nor saves this
     * one's layout and case each time it hides.
     */
    private void followStage(Scene scene) {
        javafx.event.EventHandler<javafx.stage.WindowEvent> hidden = e -> closed();
        javafx.beans.value.ChangeListener<Scene> replaced = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> obs, Scene was, Scene is) {
                if (is != scene) {
                    closed();
                }
            }
        };
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, hidden);
        stage.sceneProperty().addListener(replaced);
        closeActions.add(() -> {
            stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, hidden);
            stage.sceneProperty().removeListener(replaced);
        });
    }

    /** Runs {@code action} once when the window ends (its stage hides or shows another window). */
    public void onClose(Runnable action) {
        closeActions.add(action);
    }

    private void closed() {
        if (ended) {
            return;
        }
        ended = true;
        layouts.windowClosed();
        for (Runnable r : List.copyOf(closeActions)) {
            r.run();
        }
    }

    /** The case notebook installed in this window, if any: per window, never on the stage. */
    public java.util.Optional<CaseDesk> caseDesk() {
        return java.util.Optional.ofNullable(caseDesk);
    }

    /** Installs the window's case notebook (one per window). */
    public void setCaseDesk(CaseDesk desk) {
        this.caseDesk = desk;
    }

    /** The document layouts remembered per case; the notebook tells it which case is open. */
    public CaseLayouts caseLayouts() {
        return layouts;
    }

    public Stage stage() {
        return stage;
    }

    public DocumentArea documents() {
        return documents;
    }

    /** The heap <-> recording jumps by class name. */
    public ClassLinks links() {
        return links;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public StatusBar status() {
        return status;
    }

    /**
     * Puts a panel (the case notebook) beside the document area, or removes it with null. The
     * panel keeps its width when the window resizes while the documents have room; in a narrow
     * window it narrows, then yields to a strip from which it opens over the documents
     * ({@link SidePanelSpace}).
     */
    public void setSidePanel(javafx.scene.layout.Region panel) {
        sidePanel = panel;
        workArea.setPanel(panel);
    }

    /**
     * Shows or hides the side panel without discarding it. While it has yielded to the strip (a
     * narrow window), opens it over the documents or closes it back to the strip.
     */
    public void toggleSidePanel() {
        workArea.toggle();
    }

    /** Brings the side panel into view: shown beside the documents, or over them in a narrow window. */
    public void revealSidePanel() {
        workArea.reveal();
    }

    /**
     * True when the user has the side panel shown (not hidden by {@link #toggleSidePanel()}),
     * beside the documents or, in a narrow window, yielded to its strip.
     */
    public boolean sidePanelShown() {
        return sidePanel != null && workArea.wanted();
    }

    /** True while the side panel has given way to the documents: a strip at the edge, or open over them. */
    public boolean sidePanelYielded() {
        return workArea.yielded();
    }

    /** True while the yielded side panel is open over the documents. */
    public boolean sidePanelOverlaid() {
        return workArea.overlaid();
    }

    public Settings settings() {
        return settings;
    }

    /** Adds a menu before Help (the Case menu of the notebook; views may add their own). */
    public void addMenu(Menu menu) {
        menuBar.getMenus().add(Math.max(0, menuBar.getMenus().size() - 1), menu);
    }

    /** Adds an item to the File menu after Open Recent (File > Capture from a Running JVM...). */
    public void addFileItem(MenuItem item) {
        fileMenu.getItems().add(fileMenu.getItems().indexOf(recentMenu) + 1, item);
    }

    /** The root of the window's scene: presentation mode adds a style class and a font size to it. */
    public BorderPane root() {
        return root;
    }

    /**
     * A mode's own type size (presentation's) over the user's, until {@link #restoreFontSize}: the
     * table columns widen with it as with the zoom keys, or the larger figures would squeeze the names.
     */
    public void overrideFontSize(double px) {
        modeFontSize = px;
        applyFontSize();
    }

    /** Re-applies the user's font size after a mode (presentation) changed it. */
    public void restoreFontSize() {
        modeFontSize = 0;
        applyFontSize();
    }

    /** Registers the view that opens files of a kind (heap dumps, recordings, cases). */
    public void registerOpener(FileKind kind, DocumentOpener opener) {
        openers.put(kind, opener);
    }

    /** Shows a failure as a readable message; details (the trace) only on demand. */
    public void showError(String header, Throwable t) {
        status.setText(ErrorPresenter.describe(t));
        if (!(ErrorPresenter.unwrap(t) instanceof java.util.concurrent.CancellationException)) {
            ErrorPresenter.show(stage, header, t);
        }
    }

    private void installTaskStatus() {
        ProgressBar bar = new ProgressBar();
        bar.setId("task-bar");
        bar.setPrefWidth(160);
        // No indeterminate bar: its animation pulses the window 60 times a second (issue 18: CPU
        // taken from a dump's first open). A phase of unknown length shows its name without a bar.
        bar.progressProperty().bind(javafx.beans.binding.Bindings.max(0, tasks.fractionProperty()));
        bar.visibleProperty().bind(tasks.fractionProperty().greaterThanOrEqualTo(0));
        Label text = new Label();
        text.setId("task-message");
        text.textProperty().bind(tasks.messageProperty());
        Button cancel = new Button(null, new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("task-cancel");
        cancel.getStyleClass().addAll("button-icon", "flat");
        cancel.setTooltip(new Tooltip("Cancel"));
        cancel.setOnAction(e -> tasks.cancelCurrent());
        HBox box = new HBox(8, text, bar, cancel);
        box.setAlignment(Pos.CENTER_RIGHT);
        box.visibleProperty().bind(tasks.runningProperty());
        box.managedProperty().bind(tasks.runningProperty());
        status.getRightItems().add(box);
    }

    /** Ctrl+Shift+B: the notebook beside the documents (also in the Case menu and the tool bar). */
    public static final KeyCombination NOTEBOOK_KEYS =
            new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    /** Ctrl+1..9, Ctrl+Shift+1..9: the current document's views, named after the document in front. */
    private final List<MenuItem> viewItems = buildViewItems();
    /** Keys that are not menu accelerators (presentation's PageDown), listed on the shortcut sheet. */
    private final List<ShortcutSheet.Entry> otherKeys = new java.util.ArrayList<>();
    private final ColumnZoom columnZoom = new ColumnZoom();
    private long lastColumnWalk;

    /**
     * How many views of the front document have a key: Ctrl+1..9, then Ctrl+Shift+1..9 for the tenth
     * to the eighteenth (issue 18: a heap dump has eleven views, and Why alive and Query had none;
     * Ctrl+0 is Actual Size, as in browsers).
     */
    static final int VIEW_KEYS = 18;

    /** The key of the document's view {@code n} (1-based): Ctrl+n up to 9, then Ctrl+Shift+(n - 9). */
    static KeyCombination viewKey(int n) {
        return n <= 9 ? new KeyCodeCombination(ShortcutSheet.digit(n), KeyCombination.SHORTCUT_DOWN)
                : new KeyCodeCombination(ShortcutSheet.digit(n - 9), KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private List<MenuItem> buildViewItems() {
        List<MenuItem> items = new java.util.ArrayList<>();
        for (int n = 1; n <= VIEW_KEYS; n++) {
            int index = n - 1;
            MenuItem item = new MenuItem("View " + n + " of the document in front");
            item.setId("menu-view-" + n);
            item.setMnemonicParsing(false);
            item.setAccelerator(viewKey(n));
            item.setOnAction(e -> currentViews().ifPresent(v -> {
                if (index < v.viewNames().size()) {
                    v.showView(index);
                    status.setText(v.viewNames().get(index));
                }
            }));
            items.add(item);
        }
        return List.copyOf(items);
    }

    /** The views of the document in front (a heap dump's sections, a recording's tabs), if it has any. */
    private java.util.Optional<dev.inquest.ui.view.DocumentViews> currentViews() {
        Tab tab = documents.selectedTab();
        return tab != null && tab.getContent() instanceof dev.inquest.ui.view.DocumentViews v
                ? java.util.Optional.of(v) : java.util.Optional.empty();
    }

    /**
     * Names the view keys after the front document's views; the items beyond its views are hidden (their
     * keys do nothing there). Runs when the View menu opens and when another tab comes to the front.
     */
    public void refreshViewItems() {
        List<String> names = currentViews().map(dev.inquest.ui.view.DocumentViews::viewNames).orElse(List.of());
        for (int i = 0; i < viewItems.size(); i++) {
            MenuItem item = viewItems.get(i);
            item.setText(i < names.size() ? names.get(i) : "View " + (i + 1) + " of the document in front");
            item.setVisible(i < names.size());
        }
    }

    /** The View menu's view items (Ctrl+1..9, then Ctrl+Shift+1..9), in order (tests). */
    public List<MenuItem> viewItems() {
        return viewItems;
    }

    /** Adds a key that is not a menu accelerator to the shortcut sheet (a mode's own keys). */
    public void describeKey(String where, String action, String keys) {
        otherKeys.add(new ShortcutSheet.Entry(where, action, List.of(keys)));
    }

    /** The shortcut sheet's lines: every menu accelerator, then the keys described by modes. */
    public List<ShortcutSheet.Entry> shortcuts() {
        refreshViewItems();
        return ShortcutSheet.entries(menuBar, otherKeys);
    }

    private MenuItem zoomItem(String text, String id, int delta, KeyCode code, boolean shown) {
        MenuItem item = new MenuItem(text);
        if (id != null) {
            item.setId(id);
        }
        item.setAccelerator(new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY));
        item.setOnAction(e -> changeFontSize(delta));
        item.setVisible(shown);
        return item;
    }

    /** Shows or hides the notebook; with no case open yet, says how to start one. */
    private void toggleNotebook() {
        if (sidePanel == null) {
            status.setText("No case is open: Case > New Investigation (Ctrl+N) starts one");
            return;
        }
        toggleSidePanel();
    }

    private MenuBar buildMenuBar() {
        MenuItem open = new MenuItem("Open...", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("menu-open");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseAndOpen());
        refreshRecentMenu();
        MenuItem close = new MenuItem("Close Tab");
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        close.setOnAction(e -> closeSelectedTab());
        MenuItem exit = new MenuItem("Exit");
        exit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        exit.setOnAction(e -> stage.close());
        MenuItem settingsItem = new MenuItem("Settings...");
        settingsItem.setId("menu-settings");
        settingsItem.setOnAction(e -> {
            if (dev.inquest.ui.settings.SettingsDialog.edit(stage, settings)) {
                status.setText("Memory setting saved: it applies when Inquest starts again");
            }
        });
        Menu file = new Menu("File", null, open, recentMenu, new SeparatorMenuItem(), close, new SeparatorMenuItem(),
                settingsItem, new SeparatorMenuItem(), exit);
        file.setId("menu-file");
        fileMenu = file;

        ToggleGroup themes = new ToggleGroup();
        Menu themeMenu = new Menu("Theme");
        Theme current = Theme.parse(settings.get("theme", "LIGHT"));
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label());
            item.setToggleGroup(themes);
            item.setSelected(t == current);
            item.setOnAction(e -> setTheme(t));
            themeMenu.getItems().add(item);
        }
        // Ctrl+Plus as the menu writes it: '+' is Shift+= on most layouts and the numpad's ADD on
        // others, so the zoom keys accept Shift either way and have their numpad twins. The twins
        // are hidden items (same words, so the shortcut sheet lists them on one line).
        MenuItem bigger = zoomItem("Larger Text", "menu-zoom-in", +1, KeyCode.PLUS, true);
        MenuItem biggerEquals = zoomItem("Larger Text", null, +1, KeyCode.EQUALS, false);
        MenuItem biggerPad = zoomItem("Larger Text", null, +1, KeyCode.ADD, false);
        MenuItem smaller = zoomItem("Smaller Text", "menu-zoom-out", -1, KeyCode.MINUS, true);
        MenuItem smallerPad = zoomItem("Smaller Text", null, -1, KeyCode.SUBTRACT, false);
        MenuItem reset = zoomItem("Actual Size", "menu-zoom-reset", 0, KeyCode.DIGIT0, true);
        MenuItem resetPad = zoomItem("Actual Size", null, 0, KeyCode.NUMPAD0, false);
        MenuItem notebook = new MenuItem("Show/Hide Notebook", new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignB.BOOK_OPEN_PAGE_VARIANT_OUTLINE));
        notebook.setId("menu-view-notebook");
        notebook.setAccelerator(NOTEBOOK_KEYS);
        notebook.setOnAction(e -> toggleNotebook());
        MenuItem fullScreen = new MenuItem("Full Screen");
        fullScreen.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        fullScreen.setOnAction(e -> stage.setFullScreen(!stage.isFullScreen()));
        MenuItem splitRight = new MenuItem("Split Right");
        splitRight.setAccelerator(new KeyCodeCombination(KeyCode.BACK_SLASH, KeyCombination.SHORTCUT_DOWN));
        splitRight.setOnAction(e -> documents.splitSelected(Orientation.HORIZONTAL));
        MenuItem splitDown = new MenuItem("Split Down");
        splitDown.setAccelerator(new KeyCodeCombination(KeyCode.BACK_SLASH, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        splitDown.setOnAction(e -> documents.splitSelected(Orientation.VERTICAL));
        Menu view = new Menu("View", null, themeMenu, new SeparatorMenuItem(), bigger, biggerEquals, biggerPad, smaller,
                smallerPad, reset, resetPad, new SeparatorMenuItem(), notebook, splitRight, splitDown, new SeparatorMenuItem(),
                fullScreen, new SeparatorMenuItem());
        view.getItems().addAll(viewItems);
        view.setId("menu-view");
        view.setOnShowing(e -> refreshViewItems());

        MenuItem keys = new MenuItem("Keyboard Shortcuts", new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignK.KEYBOARD_OUTLINE));
        keys.setId("menu-shortcuts");
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        keys.setOnAction(e -> ShortcutSheet.show(stage, shortcuts()));
        MenuItem about = new MenuItem("About Inquest");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("Help", null, keys, new SeparatorMenuItem(), about);
        help.setId("menu-help");

        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        menuBar = bar;
        return bar;
    }

    private ToolBar buildToolBar() {
        Button open = new Button(null, new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setTooltip(new Tooltip("Open a heap dump, recording or case (Ctrl+O)"));
        open.setOnAction(e -> chooseAndOpen());
        Button theme = new Button(null, new FontIcon(MaterialDesignW.WEATHER_NIGHT));
        theme.setTooltip(new Tooltip("Switch light/dark theme"));
        theme.setOnAction(e -> setTheme(Theme.parse(settings.get("theme", "LIGHT")) == Theme.DARK ? Theme.LIGHT : Theme.DARK));
        Button smaller = new Button(null, new FontIcon(MaterialDesignM.MAGNIFY_MINUS_OUTLINE));
        smaller.setTooltip(new Tooltip("Smaller text (Ctrl+Minus)"));
        smaller.setOnAction(e -> changeFontSize(-1));
        Button bigger = new Button(null, new FontIcon(MaterialDesignM.MAGNIFY_PLUS_OUTLINE));
        bigger.setTooltip(new Tooltip("Larger text (Ctrl+Plus)"));
        bigger.setOnAction(e -> changeFontSize(+1));
        Button notebook = new Button(null, new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignB.BOOK_OPEN_PAGE_VARIANT_OUTLINE));
        notebook.setId("tool-notebook");
        notebook.setTooltip(new Tooltip("Show or hide the notebook (" + ShortcutSheet.keyText(NOTEBOOK_KEYS) + ")"));
        notebook.setOnAction(e -> toggleNotebook());
        Button keys = new Button(null, new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignK.KEYBOARD_OUTLINE));
        keys.setId("tool-shortcuts");
        keys.setTooltip(new Tooltip("Keyboard shortcuts (F1)"));
        keys.setOnAction(e -> ShortcutSheet.show(stage, shortcuts()));
        for (Button b : List.of(open, theme, smaller, bigger, notebook, keys)) {
            b.getStyleClass().addAll("button-icon", "flat");
        }
        ToolBar bar = new ToolBar(open, notebook, new javafx.scene.control.Separator(Orientation.VERTICAL), smaller, bigger, theme, keys);
        bar.setId("tool-bar");
        return bar;
    }

    private void showWelcome() {
        WelcomePage page = new WelcomePage(settings.recentFiles(), this::chooseAndOpen, this::open, this::openDemo);
        Tab tab = documents.newTab("Welcome", new FontIcon(MaterialDesignH.HOME_OUTLINE), page);
        tab.setId("tab-welcome");
        documents.addFirst(tab);
    }

    private void refreshRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : settings.recentFiles()) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** Replaces the native file dialog; tests use it, since a headless platform has none. */
    public void setFileChooser(Function<Stage, List<Path>> chooser) {
        this.fileChooser = chooser;
    }

    /**
     * Where "Open the demo investigation" keeps its files. Tests point it at their own folder
     * rather than setting {@code inquest.home}, a property every window in the JVM would read.
     */
    public void setDemoFolder(Path folder) {
        this.demoFolder = folder;
    }

    private void chooseAndOpen() {
        fileChooser.apply(stage).forEach(this::open);
    }

    private static List<Path> showFileChooser(Stage owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a heap dump, recording or case");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Heap dumps, recordings, cases", "*.hprof", "*.hprof.gz", "*.bin", "*.jfr", "*.jfr.gz", "*.inquest"),
                new FileChooser.ExtensionFilter("All files", "*"));
        var chosen = chooser.showOpenMultipleDialog(owner);
        return chosen == null ? List.of() : chosen.stream().map(java.io.File::toPath).toList();
    }

    private void installDragAndDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                e.getDragboard().getFiles().forEach(f -> open(f.toPath()));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /**
     * Opens the demo investigation: reuses the one written earlier (its dumps may be open in tabs, so
     * they are not rewritten under them), else runs the demo service first (well under a minute).
     */
    private void openDemo() {
        Path dir = demoFolder != null ? demoFolder : dev.inquest.demo.Demo.defaultDir();
        List<Path> done = dev.inquest.demo.Demo.existing(dir);
        if (!done.isEmpty()) {
            done.forEach(this::openUnlessShown);
            return;
        }
        tasks().submit("Running the demo service",
                p -> dev.inquest.demo.Demo.run(dir, dev.inquest.demo.DemoOptions.NORMAL, p),
                r -> dev.inquest.demo.Demo.existing(dir).forEach(this::openUnlessShown),
                t -> showError("The demo could not run", t));
    }

    /**
     * Opens a file unless a tab shows it already (then selects it) or a restored layout is about to
     * (the demo's case brings back its own dumps when it was opened before): pressing the demo
     * button twice must not open every dump twice.
     */
    private void openUnlessShown(Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        for (Tab t : documents.allTabs()) {
            if (wanted.equals(DocumentArea.fileOf(t))) {
                t.getTabPane().getSelectionModel().select(t);
                return;
            }
        }
        if (documents.awaiting().stream().anyMatch(e -> wanted.toString().equals(e.file()))) {
            return;
        }
        open(file);
    }

    /** Opens a file in a new tab, detecting what it is from its content. */
    public void open(Path file) {
        FileKind kind;
        try {
            kind = FileKind.detect(file);
        } catch (IOException e) {
            showError("Cannot open " + file.getFileName(), new BadInputException(file, FileProblems.problem(e), -1, e));
            return;
        } catch (BadInputException e) {
            showError("Cannot open " + file.getFileName(), e);
            return;
        }
        if (kind == FileKind.UNKNOWN) {
            showError("Not a heap dump, recording or case", new BadInputException(file,
                    "the first bytes are neither an HPROF header, a JFR chunk nor an Inquest case", 0));
            return;
        }
        settings.addRecentFile(file);
        refreshRecentMenu();
        if (kind != FileKind.CASE) {
            layouts.opening(file);
        }
        DocumentOpener opener = openers.get(kind);
        if (opener != null) {
            opener.open(file, this);
            return;
        }
        Tab tab = documents.newTab(file.getFileName().toString(), new FontIcon(MaterialDesignF.FILE_OUTLINE), fileFacts(file, kind));
        tab.setTooltip(new Tooltip(file.toAbsolutePath().toString()));
        DocumentArea.setFile(tab, file);
        documents.add(tab);
        status.setText("Opened " + kind.label() + " " + file.getFileName());
    }

    /** What we know of a file before its views open: its kind, size and place. */
    private static GridPane fileFacts(Path file, FileKind kind) {
        GridPane grid = new GridPane(16, 8);
        grid.setPadding(new Insets(24));
        String size;
        try {
            size = NumberFormat.getIntegerInstance(Locale.US).format(Files.size(file)) + " bytes";
        } catch (IOException e) {
            size = "unknown";
        }
        String[][] rows = {{"Kind", kind.label()}, {"File", file.toAbsolutePath().normalize().toString()}, {"Size", size}};
        for (int i = 0; i < rows.length; i++) {
            Label k = new Label(rows[i][0]);
            k.getStyleClass().add("text-bold");
            grid.addRow(i, k, new Label(rows[i][1]));
        }
        return grid;
    }

    private void closeSelectedTab() {
        Tab tab = documents.selectedTab();
        if (tab != null) {
            documents.close(tab);
        }
    }

    private void setTheme(Theme theme) {
        theme.apply();
        settings.put("theme", theme.name());
    }

    private void changeFontSize(int delta) {
        fontSize = delta == 0 ? BASE_FONT : Math.max(9, Math.min(32, fontSize + delta));
        settings.put("font.size", Double.toString(fontSize));
        applyFontSize();
    }

    private void applyFontSize() {
        // Text sizes in em follow the root font size; table columns are sized in pixels by their
        // views, so they are scaled by the same ratio (ColumnZoom), now and for views built later.
        root.setStyle("-fx-font-size: " + shownFontSize() + "px;");
        columnZoom.apply(root, shownFontSize() / BASE_FONT);
    }

    /** The type size on screen: a mode's while one is on, else the user's. */
    private double shownFontSize() {
        return modeFontSize > 0 ? modeFontSize : fontSize;
    }

    public double fontSize() {
        return fontSize;
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, Version.describe());
        alert.setHeaderText("Inquest");
        alert.initOwner(stage);
        alert.show();
    }

}
