package dev.inquest.ui.view;

import dev.inquest.investigation.model.Evidence;
import java.util.Optional;

/**
 * Implemented by a view's content node (the node in the document tab) that can pin what the user
 * selected: a dominator row, a histogram delta, a flame-graph frame, a chart point, a suspect card.
 * Ctrl+P (Case &gt; Pin as Evidence) asks the selected tab's content, then the notebook's pin dialog
 * asks which hypothesis and which stance.
 *
 * <p>Contract for the draft: no id and no pin time (the notebook assigns both); figures frozen
 * as shown; heap contents only in {@code values}; {@code source.artifact} is either the case's
 * artifact id or the absolute path of the file the view shows (the notebook adds the file to the
 * case as an artifact on first pin and rewrites the source to its id).
 */
public interface EvidenceSourceView {
    /** Evidence for the current selection, or empty when nothing pinnable is selected. */
    Optional<Evidence> evidenceForSelection();
}
