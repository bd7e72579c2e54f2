package dev.inquest.ui.heap;

import dev.inquest.ui.common.NodeKey;
import dev.inquest.format.Units;
import java.util.function.LongFunction;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** Cells shared by the heap tables: sizes in readable units with the exact bytes in a tooltip, counts, object icons. */
public final class HeapCells {
    private HeapCells() {
    }

    /** The formatters the numeric columns use. */
    public enum Format {
        BYTES(Units::bytes, Units::exactBytes),
        BYTES_DELTA(Units::bytesDelta, n -> (n > 0 ? "+" : "") + Units.exactBytes(n)),
        COUNT(Units::count, null),
        COUNT_DELTA(Units::countDelta, null);

        private final LongFunction<String> text;
        private final LongFunction<String> tip;

        Format(LongFunction<String> text, LongFunction<String> tip) {
            this.text = text;
            this.tip = tip;
        }

        public String text(long n) {
            return text.apply(n);
        }
    }

    public static <S> void numeric(TableColumn<S, Long> column, Format format) {
        column.getStyleClass().add("numeric-column");
        // Numbers never need much room: extra width goes to the name column.
        column.setMaxWidth(150);
        column.setMinWidth(78);
        column.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("numeric");
                exactOnHover(this);
            }

            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                show(this, item, empty, format);
            }
       
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                dev.inquest.ui.common.FitColumn.fit(this, getTableColumn());
            }
        });
    }

    public static <S> void numeric(TreeTableColumn<S, Long> column, Format format) {
        column.getStyleClass().add("numeric-column");
        // Numbers never need much room: extra width goes to the name column.
        column.setMaxWidth(150);
        column.setMinWidth(78);
        column.setCellFactory(c -> new TreeTableCell<>() {
            {
                getStyleClass().add("numeric");
                exactOnHover(this);
            }

            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                show(this, item, empty, format);
            }
       
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                dev.inquest.ui.common.FitColumn.fit(this, getTableColumn());
            }
        });
    }

    /** The exact figure a cell's tooltip shows ("12,345,678 bytes"). */
    private static final NodeKey<String> EXACT = NodeKey.of("heapCells.exact", String.class);

    /**
     * The exact figure as a tooltip, made when the pointer first enters the cell: a tooltip is a
     * popup window, and one per visible cell, rebuilt on every update, was most of a table's
     * first layout.
     */
    private static void exactOnHover(javafx.scene.control.IndexedCell<?> cell) {
        cell.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            String exact = EXACT.get(cell);
            if (exact == null) {
                cell.setTooltip(null);
            } else if (cell.getTooltip() == null) {
                cell.setTooltip(new Tooltip(exact));
            } else {
                cell.getTooltip().setText(exact);
            }
        });
    }

    private static void show(javafx.scene.control.IndexedCell<?> cell, Long item, boolean empty, Format format) {
        if (empty || item == null) {
            cell.setText(null);
            EXACT.remove(cell);
            cell.setTooltip(null);
            cell.getStyleClass().removeAll("delta-up", "delta-down");
            return;
        }
        cell.setText(format.text(item));
        if (format.tip == null) {
            EXACT.remove(cell);
        } else {
            String exact = format.tip.apply(item) + " bytes";
            EXACT.set(cell, exact);
            if (cell.getTooltip() != null) {
                cell.getTooltip().setText(exact);
            }
        }
        cell.getStyleClass().removeAll("delta-up", "delta-down");
        if (format == Format.BYTES_DELTA || format == Format.COUNT_DELTA) {
            if (item > 0) {
                cell.getStyleClass().add("delta-up");
            } else if (item < 0) {
                cell.getStyleClass().add("delta-down");
            }
        }
    }

    /** An icon telling arrays, class objects, ordinary objects and groups apart at a glance. */
    public static FontIcon iconFor(String className, boolean group) {
        Ikon icon;
        if (group) {
            icon = MaterialDesignF.FOLDER_OUTLINE;
        } else if (className == null) {
            icon = MaterialDesignD.DOTS_HORIZONTAL;
        } else if (className.startsWith("class ")) {
            icon = MaterialDesignA.ALPHA_C_BOX_OUTLINE;
        } else if (className.endsWith("[]")) {
            icon = MaterialDesignC.CODE_BRACKETS;
        } else {
            icon = MaterialDesignC.CUBE_OUTLINE;
        }
        FontIcon f = new FontIcon(icon);
        f.getStyleClass().add("heap-icon");
        return f;
    }

    /**
     * Shows "class @ address" in a cell, with the packages cut to initials where the whole name
     * does not fit, and left out where even that does not ({@link dev.inquest.ui.common.FitText};
     * the cell calls {@code FitText.refit} after its layout).
     */
    public static void objectText(javafx.scene.control.Labeled cell, String className, long address) {
        dev.inquest.ui.common.FitText.set(cell, objectLabel(className, address), objectLabels(className, address));
    }

    /**
     * The shorter forms of an object's label, longest first: packages cut to initials, then left
     * out. A narrow pane (the inspector beside the tree at a large type) then still shows the
     * class's own name and the address whole rather than "...ss j.j.i.MetadataRepository @ 0x...".
     */
    public static String[] objectLabels(String className, long address) {
        return new String[] {objectLabel(shortPackages(className), address), objectLabel(simpleName(className), address)};
    }

    /**
     * A class name without its packages, "ConcurrentHashMap$Node[]"; a class object keeps its
     * "class " prefix. The last resort of a narrow cell: the tooltip and the inspector have the rest.
     */
    public static String simpleName(String className) {
        String prefix = className.startsWith("class ") ? "class " : "";
        String name = className.substring(prefix.length());
        // Only dots before the first '$', '[' or '+' separate packages (a lambda's "+0x..." has none after it).
        int end = name.length();
        for (char c : new char[] {'$', '[', '+'}) {
            int i = name.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        int last = name.lastIndexOf('.', end - 1);
        return last < 0 ? className : prefix + name.substring(last + 1);
    }

    /** "java.util.HashMap @ 0x7f00123" as MAT writes object labels. */
    public static String objectLabel(String className, long address) {
        return className + " @ 0x" + Long.toHexString(address);
    }

    /**
     * A class name with each package cut to its initial, "j.u.c.ConcurrentHashMap$Node[]", the
     * way IDEs shorten names that do not fit; a class object keeps its "class " prefix.
     */
    public static String shortPackages(String className) {
        String prefix = className.startsWith("class ") ? "class " : "";
        String name = className.substring(prefix.length());
        int last = name.lastIndexOf('.');
        if (last < 0) {
            return className;
        }
        StringBuilder out = new StringBuilder(prefix);
        int start = 0;
        while (start <= last) {
            int dot = name.indexOf('.', start);
            out.append(name.charAt(start)).append('.');
            start = dot + 1;
        }
        return out.append(name, last + 1, name.length()).toString();
    }
}
