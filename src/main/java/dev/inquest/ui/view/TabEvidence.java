package dev.inquest.ui.view;

import dev.inquest.investigation.model.Evidence;
import java.util.function.Consumer;
import javafx.scene.control.Tab;

/**
 * Ctrl+P for tabs whose content cannot implement {@link EvidenceSourceView}: a heap dump's tab
 * holds a {@code HeapDocument}'s node, and its figures (retained size, path to a GC root) come
 * from engine work that must run off the FX thread, so the draft arrives later. Registered with
 * {@link Notebook#addTabEvidence}; the notebook asks each source in order.
 */
@FunctionalInterface
public interface TabEvidence {
    /** What a source made of the tab it was asked about. */
    enum Answer {
        /** Not a tab this source knows: the notebook asks the next one. */
        NOT_MINE,
        /** This source's tab, with nothing pinnable selected: the notebook says so. */
        NOTHING_SELECTED,
        /** The draft is being built; {@code then} is called on the FX thread when it is ready. */
        DRAFTING
    }

    /** Starts drafting evidence for the selection in {@code tab}, handing the draft to {@code then}. */
    Answer draft(Tab tab, Consumer<Evidence> then);
}
