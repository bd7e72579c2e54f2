package dev.inquest.ui.view;

import java.util.List;

/**
 * A document's views in the order its navigation shows them (a heap dump's sections, a
 * recording's tabs): the window's View menu offers them as Ctrl+1..9, then Ctrl+Shift+1..9, without knowing
 * which document it is. Implemented by the node a document tab holds.
 */
public interface DocumentViews {
    /** The views' names, in navigation order. */
    List<String> viewNames();

    /** Shows the view at {@code index} (0-based, as in {@link #viewNames()}). */
    void showView(int index);
}
