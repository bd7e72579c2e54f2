package dev.inquest.ui.heap;

import java.util.List;

/**
 * What a row of any heap view offers its context menu: the object it stands for ({@code node}
 * -1 for group rows such as a class or package) and its visible columns as Markdown cells, so
 * "Copy as Markdown row" and "Pin as evidence" quote exactly what the user sees.
 */
public record HeapRow(long node, String title, List<String> headers, List<String> cells, boolean classRow) {
    public HeapRow {
        headers = List.copyOf(headers);
        cells = List.copyOf(cells);
    }

    /** A row for one object ({@code node} >= 0) or for a group that is not one class (package, loader, value). */
    public HeapRow(long node, String title, List<String> headers, List<String> cells) {
        this(node, title, headers, cells, false);
    }

    /**
     * A row standing for one class, {@code title} its name: "Inspect" opens its largest instance,
     * "Paths to GC roots" and "Why alive" the merged paths of all its instances.
     */
    public static HeapRow ofClass(String className, List<String> headers, List<String> cells) {
        return new HeapRow(-1, className, headers, cells, true);
    }

    public boolean isObject() {
        return node >= 0;
    }
}
