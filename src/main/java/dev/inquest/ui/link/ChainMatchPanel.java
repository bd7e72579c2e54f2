package dev.inquest.ui.link;

import dev.inquest.ui.common.NodeKey;
import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.link.ChainMatch;
import dev.inquest.link.ReferenceChain;
import dev.inquest.ui.heap.HeapCells;
import dev.inquest.ui.heap.HeapDocument;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The answer to "find this old-object sample in the heap dump": what matched (link by link, each
 * with the object it landed on), the object's dominator path up to the top level, and a clear
 * sentence when the chain does not fit. Clicking an object inspects it.
 */
final class ChainMatchPanel {
    static final String ID = "link-chain-match";
    /** The match a panel shows (tests read it). */
    static final NodeKey<ChainMatch> MATCH = NodeKey.of("chainMatch.match", ChainMatch.class);

    private ChainMatchPanel() {
    }

    /** {@code notice}: which dump the link chose and the offers of the others ({@link DumpNotice}). */
    static Node of(HeapDocument doc, ChainMatch m, List<Long> dominators, Node notice) {
        HeapDump dump = doc.dump();
        VBox box = new VBox();
        box.getStyleClass().add("link-panel");
        box.getStylesheets().add(ChainMatchPanel.class.getResource("link.css").toExternalForm());
        Label message = new Label(m.describe());
        message.setId("chain-match-message");
        message.setWrapText(true);
        box.getChildren().addAll(notice, heading("Reference chain from the recording"), message);
        List<ReferenceChain.Link> links = m.chain().links();
        if (m.chain().root() != null) {
            box.getChildren().add(muted("GC root: " + m.chain().root()));
        }
        for (int i = 0; i < links.size(); i++) {
            int at = i - m.firstStep();
            long node = at >= 0 && at < m.path().size() ? m.path().get(at) : -1;
            ReferenceChain.Link link = links.get(i);
            String via = link.field() != null ? "." + link.field() + " \u2192 " : link.index() >= 0 ? "[" + link.index() + "] \u2192 " : "";
            if (link.skipped() > 0) {
                via = "(" + link.skipped() + " skipped) " + via;
            }
            String text = "  ".repeat(Math.min(i, 12)) + via + simple(link.describedClass() != null ? "class " + link.describedClass() : link.className());
            if (node >= 0) {
                Node row = objectRow(doc, text + " @ 0x" + Long.toHexString(dump.address(node)), node,
                        new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE), "link-ok");
                javafx.scene.control.Tooltip.install(row, new javafx.scene.control.Tooltip(link.describe() + "\n"
                        + HeapCells.objectLabel(dump.className(node), dump.address(node)) + "\nClick to inspect"));
                box.getChildren().add(row);
            } else {
                Label l = new Label(text, new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
                l.getStyleClass().add("link-missing");
                l.getGraphic().getStyleClass().add("link-missing");
                box.getChildren().add(l);
            }
        }
        if (m.node() >= 0) {
            box.getChildren().add(heading(m.complete() ? "Dominator path of the object found" : "Dominator path of the deepest object matched"));
            long used = Math.max(1, doc.summary().usedHeap());
            box.getChildren().add(objectRow(doc, describe(dump, m.node(), used), m.node(), null, null));
            for (long d : dominators) {
                box.getChildren().add(objectRow(doc, "\u2191 " + describe(dump, d, used), d, null, null));
            }
            box.getChildren().add(muted("Each object keeps the one below it alive; the last is a top-level dominator. Click one to inspect it."));
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId(ID);
        MATCH.set(scroll, m);
        return scroll;
    }

    /** A class name without its package ({@code class LeakyService}, {@code HashMap$Node[]}): the panel is narrow. */
    static String simple(String name) {
        String prefix = name.startsWith("class ") ? "class " : "";
        String n = name.substring(prefix.length());
        return prefix + n.substring(n.lastIndexOf('.') + 1);
    }

    private static String describe(HeapDump dump, long node, long used) {
        long r = dump.retained(node);
        return simple(dump.className(node)) + " @ 0x" + Long.toHexString(dump.address(node)) + "  retains " + Units.bytes(r)
                + " (" + Units.percent((double) r / used) + ")";
    }

    private static Node objectRow(HeapDocument doc, String text, long node, FontIcon icon, String iconClass) {
        Label l = new Label(text, icon == null ? HeapCells.iconFor(doc.dump().className(node), false) : icon);
        if (iconClass != null) {
            icon.getStyleClass().add(iconClass);
        }
        HBox row = new HBox(l);
        row.getStyleClass().add("link-row");
        row.setOnMouseClicked(e -> doc.inspect(node));
        return row;
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("link-heading");
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("link-muted");
        l.setWrapText(true);
        return l;
    }
}
