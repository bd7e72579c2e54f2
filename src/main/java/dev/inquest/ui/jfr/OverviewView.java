package dev.inquest.ui.jfr;

import dev.inquest.ui.common.FitColumn;
import dev.inquest.format.Units;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.ui.common.FactGrid;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * What the recording says and what it is: the findings of the rules (worst first, each linking to
 * its evidence), then JVM, duration, GC and heap settings, event counts, and the warnings that
 * tell the analyst what the recording cannot answer, with the recording options that would fix it.
 */
final class OverviewView extends ScrollPane implements dev.inquest.ui.view.EvidenceSourceView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZoneId.systemDefault());

    private final FindingsPane findings;
    private final JfrContext doc;

    OverviewView(JfrContext doc, FindingsPane.Shows shows) {
        this.doc = doc;
        RecordingSummary s = doc.summary();
        findings = new FindingsPane(doc, shows);
        setFitToWidth(true);
        setId("jfr-overview-view");
        String[][] rows = {
            {"File", FactGrid.wrappablePath(s.file())},
            {"JVM", s.jvm()},
            {"Started", s.start() == null ? "unknown" : TIME.format(s.start())},
            {"Duration", String.format(java.util.Locale.ROOT, "%.1f s", s.durationMillis() / 1000.0)},
            {"Chunks", Integer.toString(s.chunks())},
            {"Events", Units.count(s.events())},
            {"Garbage collector", s.gc() == null ? "not recorded" : s.gc()},
            {"Heap (initial / max)", JfrDocument.bytes(s.initialHeapBytes()) + " / " + JfrDocument.bytes(s.maxHeapBytes())},
            {"JVM arguments", s.jvmArguments() == null || s.jvmArguments().isBlank() ? "none recorded" : s.jvmArguments()},
        };
        GridPane facts = FactGrid.of(rows);

        VBox warnings = new VBox(6);
        for (String w : warnings(s)) {
            FontIcon icon = new FontIcon(MaterialDesignA.ALERT_OUTLINE);
            icon.getStyleClass().add("warning-icon");
            Label text = new Label(w);
            text.setWrapText(true);
            HBox row = new HBox(8, icon, text);
            row.getStyleClass().add("recording-warning");
            HBox.setHgrow(text, Priority.ALWAYS);
            warnings.getChildren().add(row);
        }

        TableView<Map.Entry<String, Long>> events = new TableView<>();
        events.setId("jfr-event-counts");
        TableColumn<Map.Entry<String, Long>, String> type = new TableColumn<>("Event type");
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        type.setPrefWidth(360);
        TableColumn<Map.Entry<String, Long>, Long> count = new TableColumn<>("Events");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        count.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Units.count(item));
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                // A count is a figure: its column widens to it (150 % type, a narrow notebook), never "1...".
                FitColumn.fit(this, getTableColumn());
            }
        });
        count.getStyleClass().add("numeric");
        count.setPrefWidth(140);
        // A count needs little room: the rest of the width goes to the event type's name.
        count.setMaxWidth(180);
        events.getColumns().add(type);
        events.getColumns().add(count);
        List<Map.Entry<String, Long>> byCount = new ArrayList<>(s.byType().entrySet());
        byCount.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        events.setItems(FXCollections.observableArrayList(byCount));
        events.setPrefHeight(320);
        events.setColumnResizePolicy(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(events);

        Label factsTitle = new Label("Recording");
        factsTitle.getStyleClass().add("title-4");
        Label eventsTitle = new Label("Events by type");
        eventsTitle.getStyleClass().add("title-4");
        Label findingsTitle = new Label("Findings");
        findingsTitle.getStyleClass().add("title-4");
        VBox box = new VBox(12, findingsTitle, findings, factsTitle, facts);
        if (!warnings.getChildren().isEmpty()) {
            Label wt = new Label("What this recording cannot tell you");
            wt.getStyleClass().add("title-4");
            box.getChildren().addAll(wt, warnings);
        }
        box.getChildren().addAll(eventsTitle, events);
        box.setPadding(new Insets(16, 20, 16, 20));
        setContent(box);
    }

    FindingsPane findings() {
        return findings;
    }

    /** The finding clicked last, as a rule-result evidence. */
    @Override
    public java.util.Optional<dev.inquest.investigation.model.Evidence> evidenceForSelection() {
        return findings.selection().map(r -> dev.inquest.link.RecordingEvidence.ruleResult(doc.summary().file(),
                doc.artifactPath(), r));
    }

    /** Plain-language gaps, each with the recording option that closes it. */
    static List<String> warnings(RecordingSummary s) {
        List<String> out = new ArrayList<>();
        // A damaged chunk's problem is the document's banner, in the engine's words; not repeated here.
        for (String n : s.notes()) {
            if (!s.problems().contains(n)) {
                out.add(n);
            }
        }
        Map<String, Long> by = s.byType();
        long alloc = by.getOrDefault("jdk.ObjectAllocationSample", 0L) + by.getOrDefault("jdk.ObjectAllocationInNewTLAB", 0L)
                + by.getOrDefault("jdk.ObjectAllocationOutsideTLAB", 0L);
        if (s.events() > 0 && alloc == 0) {
            out.add("No allocation events: the allocation flame graph will be empty. Record with "
                    + "-XX:StartFlightRecording:settings=profile (or jfr configure allocation-profiling=high).");
        }
        if (s.events() > 0 && by.getOrDefault("jdk.ExecutionSample", 0L) == 0) {
            out.add("No CPU samples: record with settings=profile or jdk.ExecutionSample#enabled=true.");
        }
        if (s.events() > 0 && by.getOrDefault("jdk.GCHeapSummary", 0L) == 0) {
            out.add("No heap summaries: heap over time needs jdk.GCHeapSummary (on in the default settings; gc=normal or higher).");
        }
        if (s.events() > 0 && by.getOrDefault("jdk.OldObjectSample", 0L) == 0) {
            out.add("No old-object samples: record with jdk.OldObjectSample#enabled=true and path-to-gc-roots=true "
                    + "to see which objects stay alive and why.");
        }
        return out;
    }
}
