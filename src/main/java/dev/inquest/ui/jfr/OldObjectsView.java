package dev.inquest.ui.jfr;

import dev.inquest.format.Units;
import dev.inquest.jfr.oldobj.OldObjectReport;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The JVM's leak profiler samples: objects still alive at the end of the recording, grouped by
 * type or by allocation site; picking a group shows its samples with the allocation stack and the
 * reference chain to the GC root.
 */
public final class OldObjectsView extends BorderPane implements JfrDocument.LazyView, dev.inquest.ui.view.EvidenceSourceView {
    private final JfrContext doc;
    private final TableView<OldObjectReport.Group> groups = new TableView<>();
    private final TreeView<String> samples = new TreeView<>();
    private final ToggleButton byType = new ToggleButton("By type");
    private final ToggleButton bySite = new ToggleButton("By allocation site");
    private final Label hint = new Label();
    private final javafx.scene.control.Button findInHeap = new javafx.scene.control.Button("Find in heap dump",
            new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignM.MEMORY));
    /** The sample each top-level item of the sample tree stands for. */
    private final java.util.Map<TreeItem<String>, OldObjectReport.Sample> sampleOf = new java.util.IdentityHashMap<>();
    private OldObjectReport report;
    private String pendingGroup;
    private boolean loaded;

    OldObjectsView(JfrContext doc) {
        this.doc = doc;
        setId("jfr-old-view");
        ToggleGroup g = new ToggleGroup();
        byType.setToggleGroup(g);
        bySite.setToggleGroup(g);
        byType.setSelected(true);
        g.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                fillGroups();
            }
        });
        findInHeap.setId("jfr-old-find-in-heap");
        findInHeap.setTooltip(new javafx.scene.control.Tooltip(
                "Look for the selected sample's reference chain in an open heap dump and show that object's paths"));
        findInHeap.setOnAction(e -> findSelectedInHeap());
        findInHeap.disableProperty().bind(samples.getSelectionModel().selectedItemProperty().isNull());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        // A tool bar, not a box: what does not fit goes into its overflow menu whole, rather than
        // every button cut to "By..." in a narrow pane or presentation's type (issue 18).
        javafx.scene.control.ToolBar bar = new javafx.scene.control.ToolBar(byType, bySite, hint, gap, findInHeap);
        bar.setId("jfr-old-bar");
        bar.setPadding(new Insets(6, 10, 4, 10));
        hint.getStyleClass().add("text-muted");
        setTop(bar);

        TableColumn<OldObjectReport.Group, String> key = new TableColumn<>("Type / allocation site");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        key.setCellFactory(dev.inquest.ui.common.FitColumn.textCells());
        key.setPrefWidth(420);
        TableColumn<OldObjectReport.Group, Long> count = FlameView.numeric("Samples", gr -> (long) gr.count(), Units::count);
        TableColumn<OldObjectReport.Group, Long> size = FlameView.numeric("Sampled bytes", OldObjectReport.Group::totalSize,
                b -> b < 0 ? "n/a" : Units.bytes(b));
        groups.getColumns().add(key);
        groups.getColumns().add(count);
        groups.getColumns().add(size);
        // The key column widens to its names (FitColumn); past the pane's width the table scrolls to the figures.
        groups.setColumnResizePolicy(dev.inquest.ui.common.FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN));
        // Its column titles whole, not "Retain..." (issue 18).
        dev.inquest.ui.common.FitColumn.keepTitlesWhole(groups);
        groups.setPlaceholder(new Label("No jdk.OldObjectSample events in this recording"));
        groups.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> fillSamples(b));
        samples.setShowRoot(false);
        javafx.scene.control.MenuItem find = new javafx.scene.control.MenuItem("Find in heap dump");
        find.setOnAction(e -> findSelectedInHeap());
        samples.setContextMenu(new javafx.scene.control.ContextMenu(find));
        SplitPane split = new SplitPane(groups, samples);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.45);
        setCenter(split);
    }

    @Override
    public void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        doc.run("Reading old-object samples", p -> doc.recording().oldObjects(p), r -> {
            report = r;
            hint.setText(r.hint() == null ? Units.count(r.samples().size()) + " samples" : r.hint());
            fillGroups();
        }, failure -> doc.showError("Cannot read old-object samples", failure));
    }

    /** The selected group: how many samples, how many bytes, and the first sample's chain to its root. */
    @Override
    public java.util.Optional<dev.inquest.investigation.model.Evidence> evidenceForSelection() {
        OldObjectReport.Group g = groups.getSelectionModel().getSelectedItem();
        if (g == null || report == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(dev.inquest.link.RecordingEvidence.oldObjectGroup(doc.summary().file(), doc.artifactPath(),
                report, g, !byType.isSelected()));
    }

    /** The sample of the selected tree item (or of the item's sample, for a chain or stack line), or null. */
    public OldObjectReport.Sample selectedSample() {
        for (TreeItem<String> i = samples.getSelectionModel().getSelectedItem(); i != null; i = i.getParent()) {
            OldObjectReport.Sample s = sampleOf.get(i);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** "Find in heap dump" on the selected sample. */
    public boolean findSelectedInHeap() {
        OldObjectReport.Sample s = selectedSample();
        return s != null && findInHeap(s);
    }

    /** Looks for the sample's reference chain in an open heap dump; says what to do when none is open. */
    public boolean findInHeap(OldObjectReport.Sample sample) {
        if (sample.chain().isEmpty()) {
            doc.status("This sample has no reference chain: "
                    + (report != null && report.hint() != null ? report.hint() : "the JVM recorded none"));
        }
        if (!doc.links().findChainInHeap(doc.span(), dev.inquest.link.ReferenceChain.of(sample))) {
            doc.status("Open a heap dump of the same JVM to find this object in it");
            return false;
        }
        return true;
    }

    /** Samples in the order of the tree's top-level items (tests). */
    public List<OldObjectReport.Sample> shownSamples() {
        return samples.getRoot() == null ? List.of() : samples.getRoot().getChildren().stream().map(sampleOf::get).toList();
    }

    /** Selects the tree item of a sample shown. */
    public void selectSample(OldObjectReport.Sample sample) {
        sampleOf.forEach((item, s) -> {
            if (s == sample) {
                samples.getSelectionModel().select(item);
            }
        });
    }

    /** Selects the group a pinned locator names. */
    void reveal(String key, boolean bySiteGroup) {
        pendingGroup = key;
        (bySiteGroup ? bySite : byType).setSelected(true);
        fillGroups();
    }

    public void showBySite() {
        bySite.setSelected(true);
    }

    public OldObjectReport report() {
        return report;
    }

    public TableView<OldObjectReport.Group> groupTable() {
        return groups;
    }

    TreeView<String> sampleTree() {
        return samples;
    }

    private void fillGroups() {
        if (report == null) {
            return;
        }
        groups.setItems(FXCollections.observableArrayList(byType.isSelected() ? report.byType() : report.bySite()));
        String wanted = pendingGroup;
        pendingGroup = null;
        var match = groups.getItems().stream().filter(gr -> gr.key().equals(wanted)).findFirst();
        if (match.isPresent()) {
            groups.getSelectionModel().select(match.get());
        } else if (!groups.getItems().isEmpty()) {
            groups.getSelectionModel().selectFirst();
        }
    }

    private void fillSamples(OldObjectReport.Group group) {
        TreeItem<String> root = new TreeItem<>("samples");
        sampleOf.clear();
        if (group != null && report != null) {
            for (OldObjectReport.Sample s : report.samples()) {
                if (!matches(s, group)) {
                    continue;
                }
                TreeItem<String> item = new TreeItem<>(label(s));
                sampleOf.put(item, s);
                if (!s.chain().isEmpty()) {
                    TreeItem<String> chain = new TreeItem<>("Reference chain to GC root" + (s.root() == null ? "" : " (" + s.root() + ")"));
                    for (OldObjectReport.Step step : s.chain()) {
                        chain.getChildren().add(new TreeItem<>(step.type()
                                + (step.via() == null ? "" : "  \u2190 " + step.via())
                                + (step.description() == null ? "" : "  " + step.description())));
                    }
                    chain.setExpanded(true);
                    item.getChildren().add(chain);
                }
                if (!s.allocationStack().isEmpty()) {
                    TreeItem<String> stack = new TreeItem<>("Allocated at");
                    for (String frame : s.allocationStack()) {
                        stack.getChildren().add(new TreeItem<>(frame));
                    }
                    item.getChildren().add(stack);
                }
                root.getChildren().add(item);
            }
            if (root.getChildren().size() == 1) {
                root.getChildren().getFirst().setExpanded(true);
            }
        }
        samples.setRoot(root);
    }

    private boolean matches(OldObjectReport.Sample s, OldObjectReport.Group group) {
        return dev.inquest.link.RecordingEvidence.inGroup(s, group, !byType.isSelected());
    }

    private static String label(OldObjectReport.Sample s) {
        StringBuilder sb = new StringBuilder(s.type());
        if (s.size() >= 0) {
            sb.append("  ").append(Units.bytes(s.size()));
        }
        if (s.arrayElements() >= 0) {
            sb.append("  [").append(Units.count(s.arrayElements())).append(" elements]");
        }
        if (s.age() != null) {
            sb.append(String.format(Locale.ROOT, "  age %.1f s", s.age().toMillis() / 1000.0));
        }
        return sb.toString();
    }
}
