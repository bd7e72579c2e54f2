package dev.inquest.ui.heap.tables;

import dev.inquest.ui.heap.HeapCells;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Column builders for the query tables: text, and numbers in the shared formats. */
final class Columns {
    private Columns() {
    }

    static <S> TableColumn<S, String> text(String title, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(dev.inquest.ui.common.FitColumn.textCells());
        c.setPrefWidth(width);
        return c;
    }

    /** Double-click on a row inspects the object {@code node} names for it; a negative node means the row has none. */
    static <S> void inspectOnDoubleClick(javafx.scene.control.TableView<S> table, dev.inquest.ui.heap.HeapContext doc,
            ToLongFunction<S> node) {
        table.setOnMouseClicked(e -> {
            S row = table.getSelectionModel().getSelectedItem();
            if (row != null && e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2) {
                long n = node.applyAsLong(row);
                if (n >= 0) {
                    doc.inspect(n);
                }
            }
        });
    }

    static <S> TableColumn<S, Long> number(String title, ToLongFunction<S> value, HeapCells.Format format) {
        TableColumn<S, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.applyAsLong(cd.getValue())));
        HeapCells.numeric(c, format);
        c.setPrefWidth(100);
        return c;
    }
}
