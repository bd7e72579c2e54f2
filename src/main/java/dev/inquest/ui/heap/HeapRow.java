package dev.inquest.ui.heap;

import java.util.List;

/**
 * What a row of any heap view offers its context menu: the object it stands for ({@code node}
 * -1 for group rows such as a class or package) and its visible columns as Markdown cells, so
 * "Copy as Markdown row" and "Pin as evidence" quote exactly what the user sees.
 */
public record HeapRow(long node, String title, List<String> headers, List<String> cells) {
    public HeapRow {
        headers = List.copyOf(headers);
        cells = List.copyOf(cells);
    }

    public boolean isObject() {
        return node >= 0;
    }
}
