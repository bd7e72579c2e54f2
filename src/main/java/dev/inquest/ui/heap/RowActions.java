package dev.inquest.ui.heap;

import dev.inquest.ui.common.NodeKey;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The context menu every heap row offers: copy as a Markdown table row, inspect, paths to GC
 * roots, why the row's class is alive (its instances' merged paths), what the row keeps alive (its retained set), and the hooks later features fill (pin as evidence; allocations in a recording).
 */
public final class RowActions {
    static final String NEEDS_CASE = "needs a case/recording";
    /** The rows a row menu acts on, kept on the menu and on the nodes that offer it. */
    private record RowSource(Supplier<HeapRow> rows) {
    }

    /**
     * What a menu (or a node offering one) acts on: {@link HeapDocument#selectedRow()} finds the
     * row under the user's last click with it (Ctrl+P).
     */
    private static final NodeKey<RowSource> ROWS = NodeKey.of("rowActions.rows", RowSource.class);

    private final HeapDocument document;

    RowActions(HeapDocument document) {
        this.document = document;
    }

    /** A menu acting on whatever row {@code selected} returns when the menu opens (null: nothing). */
    public ContextMenu menu(Supplier<HeapRow> selected) {
        MenuItem copy = new MenuItem("Copy as Markdown row", new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("row-copy-markdown");
        MenuItem inspect = new MenuItem("Inspect", new FontIcon(MaterialDesignM.MAGNIFY));
        inspect.setId("row-inspect");
        MenuItem paths = new MenuItem("Paths to GC roots", new FontIcon(MaterialDesignM.MAP_MARKER_PATH));
        paths.setId("row-paths");
        MenuItem why = new MenuItem("Why alive? (merged paths of the class)", new FontIcon(MaterialDesignS.SITEMAP_OUTLINE));
        why.setId("row-why-alive");
        MenuItem retained = new MenuItem("Retained set", new FontIcon(MaterialDesignS.SELECT_GROUP));
        retained.setId("row-retained-set");
        MenuItem pin = new MenuItem("Pin as evidence", new FontIcon(MaterialDesignP.PIN_OUTLINE));
        pin.setId("row-pin");
        MenuItem alloc = new MenuItem("Where were these allocated?", new FontIcon(MaterialDesignF.FIRE));
        alloc.setId("row-allocations");
        ContextMenu menu = new ContextMenu(copy, new SeparatorMenuItem(), inspect, paths, why, retained, new SeparatorMenuItem(), pin, alloc);
        ROWS.set(menu, new RowSource(selected));
        menu.setOnShowing(e -> {
            HeapRow row = selected.get();
            copy.setDisable(row == null);
            // A class row acts on its instances: the largest to inspect, all of them merged for the paths.
            boolean classRow = row != null && row.classRow();
            inspect.setDisable(row == null || !row.isObject() && !classRow);
            inspect.setText(classRow ? "Inspect the largest instance" : "Inspect");
            paths.setDisable(row == null || !row.isObject() && !classRow);
            paths.setText(classRow ? "Paths to GC roots (all instances, merged)" : "Paths to GC roots");
            why.setDisable(row == null || !row.isObject() && !classRow);
            retained.setDisable(row == null || !row.isObject() && !classRow);
            retained.setText(classRow ? "Retained set (all instances)" : "Retained set");
            boolean canPin = row != null && document.views().pinHandler() != null;
            pin.setDisable(!canPin);
            pin.setText(canPin ? "Pin as evidence" : "Pin as evidence (" + NEEDS_CASE + ")");
            boolean canLink = row != null && document.views().window().links().canShowAllocations();
            alloc.setDisable(!canLink);
            alloc.setText(canLink ? "Where were these allocated?" : "Where were these allocated? (open a recording)");
        });
        copy.setOnAction(e -> run(selected, this::copy));
        inspect.setOnAction(e -> run(selected, r -> {
            if (r.isObject()) {
                document.inspect(r.node());
            } else if (r.classRow()) {
                document.inspectLargest(r.title());
            }
        }));
        paths.setOnAction(e -> run(selected, r -> {
            if (r.isObject()) {
                document.pathsToRoots(r.node());
            } else if (r.classRow()) {
                document.whyAlive(r.title());
            }
        }));
        why.setOnAction(e -> run(selected, r -> {
            if (r.isObject() || r.classRow()) {
                document.whyAlive(className(r));
            }
        }));
        retained.setOnAction(e -> run(selected, r -> {
            if (r.isObject() || r.classRow()) {
                document.retainedSet(r);
            }
        }));
        alloc.setOnAction(e -> run(selected, r -> document.views().window().links().showAllocations(className(r))));
        pin.setOnAction(e -> run(selected, r -> {
            if (document.views().pinHandler() != null) {
                document.views().pinHandler().pin(document, r);
            }
        }));
        return menu;
    }

    /**
     * Marks {@code node} as standing for the row {@code menu} acts on, for nodes that show the
     * menu themselves (bars, cards) rather than as their control's context menu.
     */
    public static void offer(javafx.scene.Node node, ContextMenu menu) {
        ROWS.set(node, ROWS.get(menu));
    }

    /** The row {@code node} stands for (its own, or its control's context menu's), or null. */
    static HeapRow rowAt(javafx.scene.Node node) {
        RowSource source = ROWS.get(node);
        if (source == null && node instanceof javafx.scene.control.Control c && c.getContextMenu() != null) {
            source = ROWS.get(c.getContextMenu());
        }
        return source == null ? null : source.rows().get();
    }

    /** The class a row stands for: the object's class, or the row's own name for class rows. */
    public String className(HeapRow row) {
        return row.isObject() ? document.dump().className(row.node()) : row.title();
    }

    private static void run(Supplier<HeapRow> selected, java.util.function.Consumer<HeapRow> action) {
        HeapRow row = selected.get();
        if (row != null) {
            action.accept(row);
        }
    }

    /** Puts the row on the clipboard as one GFM table row. */
    public void copy(HeapRow row) {
        ClipboardContent content = new ClipboardContent();
        content.putString(MarkdownRow.row(row.cells()));
        Clipboard.getSystemClipboard().setContent(content);
        document.views().window().status().setText("Copied " + row.title() + " as a Markdown row");
    }
}
