package dev.inquest.ui.link;

import dev.inquest.ui.common.NodeKey;
import dev.inquest.format.Units;
import dev.inquest.heap.query.ClassHolders;
import dev.inquest.heap.query.Holdings;
import dev.inquest.heap.query.ObjectBrief;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapDocument;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * Beside the histogram narrowed to a class: the dominators that hold its instances, one group
 * per top-level dominator, each with the lowest object holding all of the group (click to
 * inspect it) and the chain of dominators above it.
 */
final class HoldersPanel {
    static final String ID = "link-class-holders";
    /** The holders a panel shows (tests read them). */
    static final NodeKey<ClassHolders.Result> RESULT = NodeKey.of("holders.result", ClassHolders.Result.class);
    static final int LIMIT = 10;

    private HoldersPanel() {
    }

    /** {@code notice}: which dump the link chose and the offers of the others ({@link DumpNotice}). */
    static Node of(HeapDocument doc, ClassHolders.Result r, Node notice) {
        VBox box = new VBox();
        box.getStyleClass().add("link-panel");
        box.getStylesheets().add(HoldersPanel.class.getResource("link.css").toExternalForm());
        long used = Math.max(1, doc.summary().usedHeap());
        String simple = ChainMatchPanel.simple(r.className());
        Label head = new Label(r.instances() == 0 ? "No reachable instance of " + r.className() + " in this dump."
                : Units.count(r.instances()) + " instances of " + simple + " retain " + Units.bytes(r.retained()) + " ("
                + Units.percent((double) r.retained() / used) + " of the used heap), under " + Units.count(r.groups())
                + (r.groups() == 1 ? " top-level dominator." : " top-level dominators."));
        head.setId("holders-summary");
        head.setWrapText(true);
        box.getChildren().addAll(notice, ChainMatchPanel.heading("Dominators holding " + simple), head);
        for (ClassHolders.Holder h : r.holders()) {
            ObjectBrief o = h.holder();
            Label row = new Label(ChainMatchPanel.simple(o.className()) + " @ 0x" + Long.toHexString(o.address()) + " holds "
                    + Units.count(h.instances()) + " (" + Units.bytes(h.retained()) + ")", HeapCells.iconFor(o.className(), false));
            row.getStyleClass().add("link-row");
            row.setTooltip(new Tooltip(HeapCells.objectLabel(o.className(), o.address()) + " retains " + Units.bytes(o.retained())
                    + "\nTop-level dominator: " + HeapCells.objectLabel(h.top().className(), h.top().address())
                    + "\nClick to inspect, double-click for its paths to GC roots"));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    doc.pathsToRoots(o.node());
                } else {
                    doc.inspect(o.node());
                }
            });
            box.getChildren().add(row);
            if (!h.above().isEmpty()) {
                Label above = ChainMatchPanel.muted("    in " + h.above().stream().map(b -> ChainMatchPanel.simple(b.className()))
                        .collect(Collectors.joining(" \u2190 ")));
                box.getChildren().add(above);
            }
        }
        if (r.heldIn().size() > 1) {
            // Issue 19: one dominator can hold several collections of them; name each with its count.
            box.getChildren().add(ChainMatchPanel.heading("Held in"));
            for (Holdings.Holding h : r.heldIn()) {
                ObjectBrief o = h.container();
                Label row = new Label(h.label() + " holds " + Units.count(h.objects())
                        + (h.kind() == null ? "" : " (" + h.kind().label() + ")"), HeapCells.iconFor(o.className(), false));
                row.getStyleClass().add("link-row");
                row.setTooltip(new Tooltip(HeapCells.objectLabel(o.className(), o.address()) + " retains "
                        + Units.bytes(o.retained()) + "\nClick to inspect"));
                row.setOnMouseClicked(e -> doc.inspect(o.node()));
                box.getChildren().add(row);
            }
        }
        if (r.groups() > r.holders().size()) {
            box.getChildren().add(ChainMatchPanel.muted("and " + Units.count(r.groups() - r.holders().size()) + " smaller groups"));
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId(ID);
        RESULT.set(scroll, r);
        return scroll;
    }
}
