package dev.inquest.ui.common;

import dev.inquest.format.Units;
import dev.inquest.progress.PhaseLog;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * What an opening file's tab shows until its views are ready (issue 18): the phases done with
 * their times, the one under way with its percentage, the time left as {@link PhaseLog}
 * estimates it, and Cancel. It reads the log twice a second on the FX thread (the log is
 * written by the work's thread and cheap to read), and stops reading when it leaves the scene.
 *
 * <p>Nothing on it animates by itself (issue 18): the bar is always determinate and the ticks
 * come from the task runner's clock, not a {@code Timeline}, since while any animation runs
 * JavaFX pulses the window 60 times a second, CPU that a dump's first open wants.
 */
public final class ProgressPage extends VBox {
    private final PhaseLog log;
    private final String title;
    /** The phase under way and the share done: the status bar's words for this work, the same line. */
    private final Label now = new Label();
    private final GridPane phases = new GridPane();
    private final ProgressBar overall = new ProgressBar(0);
    private final Label timeLeft = new Label();
    /** The refresh ticks while the page is in a scene (FX thread only). */
    private java.util.concurrent.Future<?> ticks;
    private final java.util.List<Row> rows = new java.util.ArrayList<>();

    /** One phase's line: a mark (done or under way), its name, its time (and share done). */
    private static final class Row {
        final FontIcon mark = new FontIcon(MaterialDesignP.PROGRESS_CLOCK);
        final Label name = new Label();
        final Label figure = new Label();
        private boolean done;
        private boolean current;

        Row() {
            mark.getStyleClass().add("accent");
            name.getStyleClass().add("open-phase");
            name.setMinWidth(USE_PREF_SIZE);
            figure.getStyleClass().add("open-phase-figure");
            figure.setMinWidth(USE_PREF_SIZE);
        }

        void show(PhaseLog.Phase p, boolean isCurrent) {
            name.setText(p.name());
            if (p.done() && !done) {
                done = true;
                mark.setIconCode(MaterialDesignC.CHECK_CIRCLE_OUTLINE);
                mark.getStyleClass().remove("accent");
                mark.getStyleClass().add("success");
            }
            if (isCurrent != current) {
                current = isCurrent;
                name.setStyle(isCurrent ? "-fx-font-weight: bold;" : "");
            }
            // The log counts whole milliseconds: a quick phase (a recording's chunk scan) read "0 ns".
            String time = p.millis() == 0 ? "< 1 ms" : Units.duration(p.millis() * 1_000_000);
            figure.setText(p.done() ? time : (p.fraction() > 0 ? Units.percent(p.fraction()) + "  \u00b7  " : "") + time);
        }
    }

    /**
     * @param title    "Opening after.hprof (305 MB)"
     * @param log      the work's phases
     * @param onCancel what Cancel does (cancels the work; the caller removes the page)
     */
    public ProgressPage(String title, PhaseLog log, Runnable onCancel) {
        this(title, log, onCancel, "The first open of a dump builds its index; later opens of the same file take a moment.");
    }

    /**
     * @param note the line under Cancel: what this open does, in the words of its kind of file
     */
    public ProgressPage(String title, PhaseLog log, Runnable onCancel, String note) {
        super(14);
        this.log = log;
        this.title = title;
        setId("open-progress");
        getStyleClass().add("open-progress");
        setPadding(new Insets(32));
        setAlignment(Pos.TOP_LEFT);
        setFillWidth(true);

        Label heading = new Label(title);
        heading.getStyleClass().add("title-3");
        heading.setWrapText(true);
        heading.setMinHeight(USE_PREF_SIZE);
        overall.setId("open-progress-bar");
        overall.setMaxWidth(560);
        overall.setPrefWidth(560);
        now.setId("open-now");
        now.setMinWidth(USE_PREF_SIZE);
        timeLeft.setId("open-time-left");
        timeLeft.setMinWidth(USE_PREF_SIZE);
        phases.setId("open-phases");
        phases.setHgap(16);
        phases.setVgap(6);
        Button cancel = new Button("Cancel");
        cancel.setId("open-cancel");
        cancel.setGraphic(new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setOnAction(e -> {
            cancel.setDisable(true);
            timeLeft.setText("Cancelling\u2026");
            onCancel.run();
        });
        Label noteLabel = new Label(note);
        noteLabel.getStyleClass().add("text-muted");
        noteLabel.setWrapText(true);
        noteLabel.setMinHeight(USE_PREF_SIZE);
        VBox.setVgrow(phases, Priority.NEVER);
        getChildren().addAll(heading, now, overall, timeLeft, phases, cancel, noteLabel);

        sceneProperty().addListener((obs, was, is) -> {
            if (ticks != null) {
                ticks.cancel(false);
                ticks = null;
            }
            if (is != null) {
                ticks = dev.inquest.ui.task.TaskRunner.everyOnFx(500, this::refresh);
            }
        });
        refresh();
    }

    /** The phases this page shows (the window-open benchmark reads them). */
    public PhaseLog log() {
        return log;
    }

    /** Shows the log's state now (also called by the timer). */
    public void refresh() {
        PhaseLog.Snapshot s = log.snapshot();
        List<PhaseLog.Phase> list = s.phases();
        // Rows are made once per phase and then only their texts change: a rebuild every tick
        // restyled the whole grid on the FX thread while the open wanted the CPU.
        while (rows.size() < list.size()) {
            int i = rows.size();
            Row row = new Row();
            rows.add(row);
            phases.addRow(i, row.mark, row.name, row.figure);
        }
        for (int i = 0; i < list.size(); i++) {
            PhaseLog.Phase p = list.get(i);
            rows.get(i).show(p, !p.done() && p == s.current());
        }
        // The figure and the line the status bar shows too (TaskRunner reads the same log): one computation.
        now.setText(s.headline(title));
        overall.setProgress(s.overall().orElse(0));
        if (s.remainingMillis().isPresent()) {
            long left = s.remainingMillis().getAsLong();
            long elapsed = s.elapsedMillis();
            if (!timeLeft.getText().startsWith("Cancelling")) {
                timeLeft.setText("About " + Units.waitTime(left) + " left  \u00b7  " + Units.waitTime(elapsed) + " so far");
            }
        } else {
            timeLeft.setText(Units.waitTime(s.elapsedMillis()) + " so far");
        }
    }
}
