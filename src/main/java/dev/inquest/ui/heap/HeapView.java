package dev.inquest.ui.heap;

import javafx.scene.Node;

/** A view of a heap document: what the document shows in its middle or side area. */
public interface HeapView {
    /** The view's node: the same one on every call (the document shows it, tests look into it). */
    Node node();

    /** A view narrowed by a class-name pattern (histogram, dominator tree): the jumps from other views set it. */
    interface Filtered extends HeapView {
        void setFilter(String regex);
    }

    /** The inspector beside the views: the document opens objects in it and pins what it shows. */
    interface Inspector extends HeapView {
        void navigate(long node);

        /** The object shown, as a row to pin (no cells), or null while none. */
        HeapRow shownRow();
    }

    /** Why the instances of a whole class are alive: their merged paths from the GC roots. */
    interface MergedPaths extends HeapView {
        void show(String className);
    }

    /** The paths from an object to GC roots beside the views. */
    interface Paths extends HeapView {
        void show(long node);
    }

    /** The query view: an editor and the result's table. */
    interface Query extends HeapView {
        /** Puts a query in the editor, not running it. */
        void setQuery(String query);
    }
}
