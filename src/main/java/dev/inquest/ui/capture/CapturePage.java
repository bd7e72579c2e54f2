package dev.inquest.ui.capture;

import dev.inquest.capture.JvmDescriptor;
import dev.inquest.capture.RecordingSettings;
import dev.inquest.capture.Target;
import dev.inquest.capture.Credentials;
import dev.inquest.format.Units;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The Capture page (issue 21): the JVMs on this machine, refreshed, and what can be taken from the
 * one selected. It only shows and asks; {@link Captures} lists and takes, in the background.
 */
public final class CapturePage extends BorderPane {
    /** How often the list refreshes while the page is shown, in milliseconds. */
    static final long REFRESH_MILLIS = 5_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What the page asks its controller to do. */
    interface Actions {
        void refresh();

        void heapDump(Target jvm, boolean live, boolean gz);

        void record(Target jvm, java.time.Duration duration, RecordingSettings settings);

        /** Starts a recording with no end: it runs until {@link #stopRecording}. */
        void startRecording(Target jvm, RecordingSettings settings);

        /** Saves what the started recording holds so far; it goes on recording. */
        void dumpRecordingSoFar();

        /** Stops the started recording and keeps all of it. */
        void stopRecording();

        void snapshot(Target jvm, dev.inquest.capture.CaptureKind kind);

        void cancel();

        /** A baseline heap dump now, and a second one in {@code minutes} compared with it. */
        void baseline(Target jvm, int minutes);

        /** Takes the second dump of a baseline pair now rather than when its time comes. */
        void secondNow();
    }

    private final TableView<JvmDescriptor> table = new TableView<>();
    private final Label listed = new Label("Listing the JVMs on this machine...");
    private final Label message = new Label();
    private final CheckBox live = new CheckBox("Live objects only");
    private final CheckBox gz = new CheckBox("Compress (gzip)");
    private final Spinner<Integer> seconds = new Spinner<>(1, 3600, 30);
    private final ComboBox<String> settings = new ComboBox<>();
    private final HBox running = new HBox(8);
    private final Label runningText = new Label();
    private final ProgressBar runningBar = new ProgressBar();
    private final List<Button> takes;
    private final List<Button> recordingActions;
    private final Button start;
    private final HBox recordingRow = new HBox(8);
    private final Label recordingState = new Label();
    private final Spinner<Integer> minutes = new Spinner<>(1, 24 * 60, 5);
    private final Button secondNow = new Button("Take the second dump now");
    private final Label baselineState = new Label();
    private final CheckBox useRemote = new CheckBox("Take from a remote JVM (JMX):");
    private final javafx.scene.control.TextField jmxAddress = new javafx.scene.control.TextField();
    private final CheckBox jmxTls = new CheckBox("TLS");
    private final javafx.scene.control.TextField jmxUser = new javafx.scene.control.TextField();
    private final javafx.scene.control.PasswordField jmxPassword = new javafx.scene.control.PasswordField();
    private final Actions actions;
    private final long refreshMillis;
    /** The refresh ticks on the task runner's clock, while the page is shown (FX thread only); null: none. */
    private java.util.concurrent.Future<?> ticks;
    /** The tab the page is shown in ({@link #refreshWhileShown}). */
    private javafx.scene.control.Tab tab;
    /** Whether the page's window shows, following the page into another scene or window. */
    private javafx.beans.value.ObservableValue<Boolean> windowShowing;
    private final javafx.beans.InvalidationListener recheck = o -> recheckTicks();
    private boolean busy;
    private Function<Window, Path> jfcChooser = CapturePage::chooseJfc;

    CapturePage(Actions actions) {
        this(actions, REFRESH_MILLIS);
    }

    /** With the refresh period in milliseconds (tests use a short one). */
    CapturePage(Actions actions, long refreshMillis) {
        this.actions = actions;
        this.refreshMillis = refreshMillis;
        setId("capture-page");
        getStyleClass().add("capture-page");
        setPadding(new Insets(12));

        Label title = new Label("Capture from a running JVM");
        title.getStyleClass().add("title-3");
        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("capture-refresh");
        refresh.setOnAction(e -> actions.refresh());
        listed.setId("capture-listed");
        listed.getStyleClass().add("text-muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(12, title, gap, listed, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        table.setId("capture-jvms");
        table.setColumnResizePolicy(dev.inquest.ui.common.FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN));
        table.setPlaceholder(new Label("No other JVM runs on this machine as this user."));
        table.getColumns().add(column("PID", 70, 64, d -> Long.toString(d.pid())));
        TableColumn<JvmDescriptor, String> main = column("Main class or jar", 280, 140,
                d -> d.mainClass().isEmpty() ? "(not said)" : d.mainClass());
        // The end of a main class or jar path is what tells JVMs apart: the whole name while it fits,
        // else the class's simple name or the jar's file name, and the column widens rather than cut
        // that (issue 18's rule: names before the columns of figures); whole in a tooltip.
        main.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    dev.inquest.ui.common.FitText.clear(this);
                    setText(null);
                    setTooltip(null);
                } else {
                    int cut = Math.max(item.lastIndexOf('/'), item.lastIndexOf(java.io.File.separatorChar));
                    String last = cut >= 0 ? item.substring(cut + 1)
                            : item.substring(item.lastIndexOf('.', item.endsWith(".jar") ? item.length() - 5 : item.length()) + 1);
                    dev.inquest.ui.common.FitText.set(this, item, last);
                    setTooltip(new Tooltip(item));
                }
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                dev.inquest.ui.common.FitText.refit(this, getTableColumn());
            }
        });
        table.getColumns().add(main);
        table.getColumns().add(column("Java", 120, 115, d -> d.version() == null ? "" : d.version()));
        table.getColumns().add(column("Uptime", 100, 95, d -> d.uptimeMillis() < 0 ? "" : Units.elapsed(d.uptimeMillis())));
        table.getColumns().add(column("Heap used", 100, 95, d -> d.heapUsed() < 0 ? "" : Units.bytes(d.heapUsed())));
        table.getColumns().add(column("Heap max", 100, 90, d -> d.heapMax() < 0 ? "" : Units.bytes(d.heapMax())));
        table.getColumns().add(column("Attach", 160, 90, d -> d.attachable() ? "yes" : d.problem()));

        live.setId("capture-live");
        live.setSelected(true);
        live.setTooltip(new Tooltip("Only reachable objects: the JVM runs a full GC first (jcmd's default)"));
        gz.setId("capture-gz");
        Button dump = take("capture-heap-dump", "Heap dump", new FontIcon(MaterialDesignD.DATABASE_ARROW_DOWN_OUTLINE),
                j -> actions.heapDump(j, live.isSelected(), gz.isSelected()));
        seconds.setId("capture-seconds");
        seconds.setEditable(true);
        seconds.setPrefWidth(90);
        settings.setId("capture-settings");
        settings.setEditable(true);
        settings.getItems().addAll("memory", "default", "profile");
        settings.setValue("memory");
        settings.setPrefWidth(200);
        settings.setTooltip(new Tooltip("memory: Inquest's settings for memory investigations (allocation samples, "
                + "old objects with paths to GC roots, GC and heap events); default or profile: the JDK's; or a .jfc file"));
        Button jfc = new Button(".jfc...");
        jfc.setId("capture-jfc");
        jfc.setOnAction(e -> {
            Path f = jfcChooser.apply(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                settings.setValue(f.toString());
            }
        });
        Button record = take("capture-record", "Record", new FontIcon(MaterialDesignR.RECORD_CIRCLE_OUTLINE), j ->
                chosenSettings().ifPresent(chosen -> actions.record(j, java.time.Duration.ofSeconds(seconds.getValue()), chosen)));
        start = take("capture-record-start", "Start recording", new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE),
                j -> chosenSettings().ifPresent(chosen -> actions.startRecording(j, chosen)));
        start.setTooltip(new Tooltip("A recording with no end, with the settings chosen: save what it has so far "
                + "whenever you like, stop it when you have what you need"));
        Button soFar = new Button("Save what it has so far", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        soFar.setId("capture-record-so-far");
        soFar.setOnAction(e -> actions.dumpRecordingSoFar());
        Button stop = new Button("Stop and keep", new FontIcon(MaterialDesignS.STOP_CIRCLE_OUTLINE));
        stop.setId("capture-record-stop");
        stop.setOnAction(e -> actions.stopRecording());
        recordingState.setId("capture-recording-state");
        recordingState.setMinWidth(0);
        recordingRow.getChildren().addAll(recordingState, soFar, stop);
        recordingRow.setId("capture-recording");
        recordingRow.setAlignment(Pos.CENTER_LEFT);
        setShown(recordingRow, false);
        Button histogram = take("capture-histogram", "Class histogram", new FontIcon(MaterialDesignT.TABLE),
                j -> actions.snapshot(j, dev.inquest.capture.CaptureKind.CLASS_HISTOGRAM));
        Button threads = take("capture-threads", "Thread dump", new FontIcon(MaterialDesignT.TEXT_BOX_OUTLINE),
                j -> actions.snapshot(j, dev.inquest.capture.CaptureKind.THREAD_DUMP));
        Button nativeMemory = take("capture-native", "Native memory", new FontIcon(MaterialDesignC.CHIP),
                j -> actions.snapshot(j, dev.inquest.capture.CaptureKind.NATIVE_MEMORY));
        Button baseline = take("capture-baseline", "Baseline dump now", new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL),
                j -> actions.baseline(j, minutes.getValue()));
        baseline.setTooltip(new Tooltip("A live heap dump now and another later; the second opens compared with the first "
                + "(what grew in between)"));
        minutes.setId("capture-baseline-minutes");
        minutes.setEditable(true);
        minutes.setPrefWidth(90);
        secondNow.setId("capture-second-now");
        secondNow.setOnAction(e -> actions.secondNow());
        baselineState.setId("capture-baseline-state");
        baselineState.getStyleClass().add("text-muted");
        setShown(secondNow, false);
        takes = List.of(dump, record, start, histogram, threads, nativeMemory, baseline);
        recordingActions = List.of(soFar, stop);

        FlowPane dumpRow = row(dump, live, gz);
        FlowPane recordRow = row(record, new Label("for"), seconds, new Label("s, or"), start, new Label("with settings"),
                settings, jfc);
        FlowPane textRow = row(histogram, threads, nativeMemory);
        useRemote.setId("capture-use-remote");
        useRemote.setTooltip(new Tooltip("A recording and the text captures over a JVM's JMX port "
                + "(-Dcom.sun.management.jmxremote.port); the user and password are used for the connection only, never kept"));
        jmxAddress.setId("capture-jmx");
        jmxAddress.setPromptText("host:port");
        jmxAddress.setPrefColumnCount(14);
        jmxTls.setId("capture-jmx-tls");
        jmxUser.setId("capture-jmx-user");
        jmxUser.setPromptText("user (optional)");
        jmxUser.setPrefColumnCount(8);
        jmxPassword.setId("capture-jmx-password");
        jmxPassword.setPromptText("password");
        jmxPassword.setPrefColumnCount(8);
        for (javafx.scene.Node n : List.of(jmxAddress, jmxTls, jmxUser, jmxPassword)) {
            n.disableProperty().bind(useRemote.selectedProperty().not());
        }
        useRemote.selectedProperty().addListener((obs, was, is) -> updateButtons());
        jmxAddress.textProperty().addListener((obs, was, is) -> updateButtons());
        FlowPane remoteRow = row(useRemote, jmxAddress, jmxTls, jmxUser, jmxPassword);
        FlowPane baselineRow = row(baseline, new Label("then another in"), minutes, new Label("min, compared"), secondNow,
                baselineState);

        runningText.setId("capture-running-text");
        runningBar.setPrefWidth(220);
        Button cancel = new Button("Cancel", new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("capture-cancel");
        cancel.setOnAction(e -> actions.cancel());
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        runningBar.setMinWidth(120);
        runningText.setMinWidth(0);
        runningText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(runningText, Priority.ALWAYS);
        running.getChildren().addAll(runningBar, runningText, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.setId("capture-running");
        setShown(running, false);

        message.setId("capture-message");
        message.setWrapText(true);
        Label where = new Label("Each capture goes to the captures folder beside the open case (a new case when none "
                + "is open), becomes one of its artifacts and opens.");
        where.getStyleClass().add("text-small");
        where.setWrapText(true);
        VBox bottom = new VBox(8, remoteRow, dumpRow, recordRow, recordingRow, textRow, baselineRow, running, message, where);
        bottom.setPadding(new Insets(10, 4, 4, 0));
        // In a short window the controls scroll and the list keeps a few rows: the JVM a capture is for stays in sight.
        javafx.scene.control.ScrollPane controls = new javafx.scene.control.ScrollPane(bottom);
        controls.setId("capture-controls");
        controls.setFitToWidth(true);
        controls.setMinHeight(0);
        controls.getStyleClass().add("edge-to-edge");
        controls.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        table.setMinHeight(150);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(controls, Priority.SOMETIMES);
        VBox body = new VBox(table, controls);
        setCenter(body);

        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> updateButtons());
        updateButtons();
    }

    /**
     * Refreshes the list every {@link #REFRESH_MILLIS} while {@code tab} is in front in a showing
     * window, on the task runner's clock; stops when it is not, and for good when the tab closes.
     * Not a {@code Timeline}: while any animation runs, JavaFX pulses every window 60 times a
     * second (issue 18 measured 68 redraws a second of an idle window with this page in a tab).
     */
    void refreshWhileShown(javafx.scene.control.Tab tab) {
        this.tab = tab;
        windowShowing = sceneProperty().flatMap(javafx.scene.Scene::windowProperty).flatMap(Window::showingProperty)
                .orElse(false);
        windowShowing.addListener(recheck);
        tab.selectedProperty().addListener(recheck);
        tab.tabPaneProperty().addListener(recheck);
        recheckTicks();
    }

    /** Whether the list refreshes by itself now (tests). */
    boolean refreshing() {
        return ticks != null;
    }

    private void recheckTicks() {
        // Read first, every time: a lazy binding notifies its listeners again only once read.
        boolean showing = windowShowing.getValue();
        boolean shown = showing && tab.getTabPane() != null && tab.isSelected() && tab.getContent() == this;
        if (shown && ticks == null) {
            ticks = dev.inquest.ui.task.TaskRunner.everyOnFx(refreshMillis, () -> {
                if (ticks != null) { // a tick already posted when the page stopped refreshing is dropped
                    actions.refresh();
                }
            });
        } else if (!shown && ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }

    private static FlowPane row(javafx.scene.Node... nodes) {
        FlowPane p = new FlowPane(8, 6, nodes);
        p.setAlignment(Pos.CENTER_LEFT);
        return p;
    }

    private Button take(String id, String text, FontIcon icon, java.util.function.Consumer<Target> action) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.setOnAction(e -> {
            if (useRemote.isSelected()) {
                Target.Remote remote;
                try {
                    String user = jmxUser.getText() == null ? "" : jmxUser.getText().strip();
                    // The password goes into the connection only: never into the case, the settings or a message.
                    remote = Target.Remote.parse(jmxAddress.getText() == null ? "" : jmxAddress.getText().strip(),
                            jmxTls.isSelected(), user.isEmpty() ? null : new Credentials(user, jmxPassword.getText().toCharArray()));
                } catch (IllegalArgumentException ex) {
                    showMessage(ex.getMessage(), true);
                    return;
                }
                action.accept(remote);
                return;
            }
            JvmDescriptor j = table.getSelectionModel().getSelectedItem();
            if (j != null && j.attachable()) {
                action.accept(j.target());
            }
        });
        return b;
    }

    private static TableColumn<JvmDescriptor, String> column(String name, double width, double min,
            Function<JvmDescriptor, String> text) {
        TableColumn<JvmDescriptor, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setMinWidth(min);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        return c;
    }

    private static void setShown(javafx.scene.Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    private void updateButtons() {
        JvmDescriptor j = table.getSelectionModel().getSelectedItem();
        boolean can = !busy && (useRemote.isSelected() ? jmxAddress.getText() != null && !jmxAddress.getText().isBlank()
                : j != null && j.attachable());
        takes.forEach(b -> b.setDisable(!can));
        // One open-ended recording at a time: it is stopped (or saved from) before another starts.
        start.setDisable(!can || recordingRow.isVisible());
        recordingActions.forEach(b -> b.setDisable(busy));
    }

    /** The settings field as settings, or empty (said on the page) when it names nothing usable. */
    private java.util.Optional<RecordingSettings> chosenSettings() {
        try {
            return java.util.Optional.of(RecordingSettings.parse(settings.getEditor().getText()));
        } catch (IllegalArgumentException ex) {
            showMessage(ex.getMessage(), true);
            return java.util.Optional.empty();
        }
    }

    /** While an open-ended recording runs: what and since when, and its two buttons; null: none runs. */
    void showRecording(String text) {
        recordingState.setText(text == null ? "" : text);
        setShown(recordingRow, text != null);
        updateButtons();
    }

    /** Shows a new listing, keeping the selected JVM selected while it still runs. */
    void showJvms(List<JvmDescriptor> jvms) {
        JvmDescriptor selected = table.getSelectionModel().getSelectedItem();
        table.getItems().setAll(jvms);
        if (selected != null) {
            jvms.stream().filter(j -> j.pid() == selected.pid()).findFirst()
                    .ifPresent(j -> table.getSelectionModel().select(j));
        }
        long attachable = jvms.stream().filter(JvmDescriptor::attachable).count();
        listed.setText(jvms.size() + (jvms.size() == 1 ? " JVM" : " JVMs") + ", " + attachable + " attachable, listed "
                + LocalTime.now().format(CLOCK));
        updateButtons();
    }

    void showListFailed(String why) {
        listed.setText("Could not list the JVMs: " + why);
    }

    /** While a capture runs: its progress and Cancel; the take buttons wait. */
    void showRunning(String what, javafx.beans.value.ObservableValue<Number> fraction,
            javafx.beans.value.ObservableValue<String> text) {
        busy = true;
        runningBar.progressProperty().bind(fraction);
        // The task's own words ("Recording pid 4242 (...)", "Writing the heap dump: 120 MB"); what was asked, in the tooltip.
        runningText.textProperty().bind(text);
        runningText.setTooltip(new Tooltip(what));
        setShown(running, true);
        message.setText("");
        updateButtons();
    }

    void showDone(String text, boolean failed) {
        busy = false;
        runningBar.progressProperty().unbind();
        runningText.textProperty().unbind();
        setShown(running, false);
        showMessage(text, failed);
        updateButtons();
    }

    /** While a baseline waits for its second dump: when it comes, and the button to take it now; null: none waits. */
    void showBaselineWaiting(String text) {
        baselineState.setText(text == null ? "" : text);
        setShown(secondNow, text != null);
    }

    void showMessage(String text, boolean failed) {
        message.setText(text);
        message.getStyleClass().removeAll("danger", "success");
        message.getStyleClass().add(failed ? "danger" : "success");
    }

    /** Selects a JVM by pid (tests, and after a refresh). */
    boolean select(long pid) {
        for (JvmDescriptor j : table.getItems()) {
            if (j.pid() == pid) {
                table.getSelectionModel().select(j);
                table.scrollTo(j);
                return true;
            }
        }
        return false;
    }

    TableView<JvmDescriptor> table() {
        return table;
    }

    Label message() {
        return message;
    }

    /** Replaces the .jfc file dialog; tests use it, since a headless platform has none. */
    void setJfcChooser(Function<Window, Path> chooser) {
        this.jfcChooser = chooser;
    }

    private static Path chooseJfc(Window owner) {
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setTitle("Recording settings");
        c.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("JFR settings", "*.jfc"));
        java.io.File f = c.showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

}
