package dev.inquest.ui.heap;

import dev.inquest.format.Units;
import dev.inquest.heap.query.Inspection;
import dev.inquest.ui.common.FitText;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A retained set listed by class (the inspector's tab, the "Retained set" window): one set of
 * columns and one row for the menus, so both read the same and give way the same.
 */
public final class ClassCountColumns {
    private ClassCountColumns() {
    }

    /** Class, objects, shallow bytes and the share of {@code whole} (bytes; 0 while unknown). */
    public static void install(TableView<Inspection.ClassCount> table, String shareTitle, LongSupplier whole) {
        TableColumn<Inspection.ClassCount, String> name = new TableColumn<>("Class");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().className()));
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    FitText.clear(this);
                    setText(null);
                    setGraphic(null);
                } else {
                    // Packages to initials, then left out, before the class's own name is cut.
                    FitText.set(this, s, HeapCells.shortPackages(s), HeapCells.simpleName(s));
                    setGraphic(HeapCells.iconFor(s, false));
                }
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                FitText.refit(this, getTableColumn());
            }
        });
        name.setPrefWidth(230);
        TableColumn<Inspection.ClassCount, Long> count = new TableColumn<>("Objects");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        HeapCells.numeric(count, HeapCells.Format.COUNT);
        count.setPrefWidth(80);
        TableColumn<Inspection.ClassCount, Long> shallow = new TableColumn<>("Shallow");
        shallow.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().shallow()));
        HeapCells.numeric(shallow, HeapCells.Format.BYTES);
        shallow.setPrefWidth(80);
        TableColumn<Inspection.ClassCount, Double> share = new TableColumn<>(shareTitle);
        share.setCellValueFactory(c -> {
            long w = whole.getAsLong();
            return new ReadOnlyObjectWrapper<>(w == 0 ? null : c.getValue().shallow() / (double) w);
        });
        share.setCellFactory(c -> dev.inquest.ui.common.ShareBarCell.forTable());
        share.setPrefWidth(100);
        table.getColumns().setAll(List.of(name, count, shallow, share));
    }

    /** The row a menu acts on: a class row, with its figures for a pin. */
    public static HeapRow row(Inspection.ClassCount r) {
        return r == null ? null : HeapRow.ofClass(r.className(), List.of("Class", "Objects", "Shallow"),
                List.of(MarkdownRow.code(r.className()), Units.count(r.count()), Units.bytes(r.shallow())));
    }
}
