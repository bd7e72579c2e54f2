package dev.inquest.ui.link;

import dev.inquest.format.Units;
import dev.inquest.heap.query.Suspect;
import dev.inquest.jfr.alloc.AllocationSites;
import dev.inquest.jfr.heap.HeapTimeline;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.ui.jfr.JfrDocument;
import dev.inquest.ui.jfr.JfrViews;
import dev.inquest.ui.shell.MainWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;

/**
 * The recording's side of a leak suspect card: while a recording is open in the window, the top
 * allocation sites of the suspect's class (click one for the allocation flame graph there) and,
 * beside them, the heap after each GC as a sparkline with the live-set trend. Hidden while no
 * recording is open; follows recordings as they open and close.
 */
final class SuspectRecordingPanel extends VBox {
    static final String STYLE = "suspect-recording";
    static final int SITES = 5;

    /** What a card needs from a recording, read once per recording for all cards. */
    record Facts(StackTree callers, HeapTimeline timeline) {
    }

    private static final Map<JfrDocument, Facts> FACTS = new WeakHashMap<>();
    private static final Map<JfrDocument, List<Consumer<Facts>>> PENDING = new WeakHashMap<>();

    private final MainWindow window;
    private final String className;
    private final ListChangeListener<JfrDocument> onChange = c -> refresh();
    private JfrDocument shownFor;
    private final JfrViews recordings;
    private AllocationSites sites;
    private HeapTimeline timeline;

    SuspectRecordingPanel(MainWindow window, JfrViews recordings, String className) {
        this.window = window;
        this.recordings = recordings;
        this.className = className;
        getStyleClass().add(STYLE);
        getStylesheets().add(SuspectRecordingPanel.class.getResource("link.css").toExternalForm());
        setSpacing(6);
        setVisible(false);
        setManaged(false);
        recordings.openRecordings().addListener(new WeakListChangeListener<>(onChange));
        refresh();
    }

    /** The class a suspect card looks up: the elements piling up in its container, else the class blamed. */
    static String classOf(Suspect s) {
        if (s.container() != null && s.container().elementClass() != null) {
            return s.container().elementClass();
        }
        return s.accumulation() != null ? s.accumulation().className() : s.className();
    }

    /** The sites shown, or null while none (no recording, or still reading). */
    AllocationSites sites() {
        return sites;
    }

    HeapTimeline timeline() {
        return timeline;
    }

    JfrDocument recording() {
        return shownFor;
    }

    private void refresh() {
        List<JfrDocument> open = recordings.openRecordings();
        JfrDocument rec = open.isEmpty() ? null : open.getFirst();
        if (rec == shownFor && (rec == null || sites != null)) {
            return;
        }
        shownFor = rec;
        sites = null;
        timeline = null;
        getChildren().clear();
        setVisible(rec != null);
        setManaged(rec != null);
        if (rec == null) {
            return;
        }
        getChildren().add(ChainMatchPanel.muted("Reading " + rec.recording().file().getFileName() + "..."));
        facts(rec, f -> {
            if (shownFor == rec) {
                show(rec, f);
            }
        });
    }

    private void facts(JfrDocument rec, Consumer<Facts> then) {
        Facts known = FACTS.get(rec);
        if (known != null) {
            then.accept(known);
            return;
        }
        List<Consumer<Facts>> waiting = PENDING.get(rec);
        if (waiting != null) {
            waiting.add(then);
            return;
        }
        waiting = new ArrayList<>(List.of(then));
        PENDING.put(rec, waiting);
        window.tasks().submit("Reading allocations and heap of " + rec.summary().file(), p -> new Facts(
                rec.recording().stacks(StackTreeQuery.of(EventKind.ALLOC).withReverse(true), p),
                rec.recording().heapTimeline(p)), f -> {
            FACTS.put(rec, f);
            PENDING.remove(rec).forEach(c -> c.accept(f));
        }, failure -> {
            PENDING.remove(rec);
            window.status().setText("Could not read " + rec.summary().file() + " for the suspect cards: " + failure.getMessage());
        });
    }

    private void show(JfrDocument rec, Facts f) {
        AllocationSites s = AllocationSites.of(f.callers(), dev.inquest.link.ClassNames.inRecording(className), SITES);
        getChildren().clear();
        Label head = ChainMatchPanel.heading("In the recording " + rec.recording().file().getFileName());
        VBox left = new VBox(3);
        String simple = ChainMatchPanel.simple(className);
        if (s.classBytes() == 0) {
            left.getChildren().add(ChainMatchPanel.muted(simple + " is not among the sampled allocations."));
        } else {
            left.getChildren().add(ChainMatchPanel.muted(simple + ": " + Units.bytes(s.classBytes()) + " allocated, "
                    + Units.percent(s.shareOfAll()) + " of all; allocated at:"));
            GridPane grid = new GridPane(6, 2);
            int row = 0;
            for (AllocationSites.Site site : s.sites()) {
                Label frame = new Label(shortFrame(site.frame()));
                frame.setMinWidth(0);
                frame.setMaxWidth(175);
                frame.setTooltip(new Tooltip(site.frame() + "\n" + Units.bytes(site.bytes()) + ", " + Units.percent(site.shareOfClass())
                        + " of " + simple + "\nClick for the allocation flame graph there"));
                Label bytes = new Label(Units.bytes(site.bytes()));
                bytes.getStyleClass().add("numeric");
                bytes.setMinWidth(Region.USE_PREF_SIZE);
                Label share = new Label(Units.percent(site.shareOfClass()));
                share.getStyleClass().add("numeric");
                share.setMinWidth(Region.USE_PREF_SIZE);
                for (var n : List.of(frame, bytes, share)) {
                    n.getStyleClass().add("link-row");
                    n.setOnMouseClicked(e -> openSite(rec, site.frame()));
                }
                grid.addRow(row++, frame, bytes, share);
            }
            left.getChildren().add(grid);
            if (s.otherSites() > 0) {
                left.getChildren().add(ChainMatchPanel.muted("and " + s.otherSites() + " more sites"));
            }
        }
        VBox right = trend(f.timeline());
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox columns = new HBox(14, left, right);
        getChildren().addAll(head, columns);
        this.timeline = f.timeline();
        this.sites = s;
    }

    /** {@code pkg.Outer$Inner.method} as {@code Outer$Inner.method}: the card is narrow. */
    static String shortFrame(String frame) {
        int paren = frame.indexOf('(');
        String f = paren < 0 ? frame : frame.substring(0, paren);
        int method = f.lastIndexOf('.');
        if (method <= 0) {
            return f;
        }
        int cls = f.lastIndexOf('.', method - 1);
        return f.substring(cls + 1);
    }

    void openSite(JfrDocument rec, String frame) {
        for (Tab t : window.documents().allTabs()) {
            if (t.getContent() == rec) {
                t.getTabPane().getSelectionModel().select(t);
            }
        }
        rec.select("jfr-alloc");
        rec.allocations().showAllocationSite(dev.inquest.link.ClassNames.inRecording(className), frame);
    }

    /** Heap after GC over the recording, 140 x 40 px, and the live-set trend in words. */
    private static VBox trend(HeapTimeline t) {
        VBox box = new VBox(3);
        box.setMinWidth(140);
        box.setPrefWidth(140);
        List<HeapTimeline.HeapSample> after = t.heap().stream().filter(HeapTimeline.HeapSample::afterGc).toList();
        box.getChildren().add(ChainMatchPanel.muted("Heap after GC"));
        if (after.size() < 2) {
            box.getChildren().add(ChainMatchPanel.muted(after.isEmpty() ? "no GC recorded" : "one GC recorded"));
            return box;
        }
        double w = 140;
        double h = 40;
        long t0 = after.getFirst().time().toEpochMilli();
        double span = Math.max(1, after.getLast().time().toEpochMilli() - t0);
        long max = after.stream().mapToLong(HeapTimeline.HeapSample::used).max().orElse(1);
        Polyline line = new Polyline();
        line.getStyleClass().add("sparkline-line");
        Pane plot = new Pane();
        plot.setMinSize(w, h);
        plot.setPrefSize(w, h);
        plot.setMaxSize(w, h);
        for (HeapTimeline.HeapSample s : after) {
            double x = 3 + (w - 6) * (s.time().toEpochMilli() - t0) / span;
            double y = h - 3 - (h - 6) * s.used() / Math.max(1.0, max);
            line.getPoints().addAll(x, y);
        }
        plot.getChildren().add(line);
        List<Double> pts = line.getPoints();
        Circle last = new Circle(pts.get(pts.size() - 2), pts.get(pts.size() - 1), 2.5);
        last.getStyleClass().add("sparkline-point");
        plot.getChildren().add(last);
        plot.setId("suspect-sparkline");
        HeapTimeline.LiveSetTrend trend = t.trend();
        // The figure and whether there is one at all come from the engine: a short recording gets no rate.
        Label figure = new Label(dev.inquest.link.RecordingEvidence.rate(trend));
        figure.setWrapText(true);
        figure.setId("suspect-trend");
        // A refusal is a note, not a figure: it does not get the figure's bold heading.
        figure.getStyleClass().add(trend.rateStated() ? "link-heading" : "link-muted");
        Label over = ChainMatchPanel.muted("live set, " + trend.collections() + " GCs, "
                + Units.bytes(after.getFirst().used()) + " \u2192 " + Units.bytes(after.getLast().used())
                + (trend.caveat() == null || !trend.rateStated() ? "" : " (rough)"));
        if (trend.caveat() != null) {
            Tooltip.install(over, new Tooltip(trend.caveat()));
            Tooltip.install(figure, new Tooltip(trend.caveat()));
        }
        box.getChildren().addAll(plot, figure, over);
        return box;
    }
}
