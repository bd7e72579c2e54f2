package dev.inquest.ui.view;

import dev.inquest.investigation.model.EvidenceSource;
import java.nio.file.Path;

/**
 * Reopens the view a piece of evidence was pinned from. Heap and JFR views register one each
 * with {@link Notebook#addReopener}; the notebook tries them in order when the user clicks pinned
 * evidence, and shows the stored figures when none can (artifact missing or changed, unknown view).
 */
@FunctionalInterface
public interface EvidenceReopener {
    /**
     * @param source where the evidence came from ({@code view}, {@code locator})
     * @param file   the artifact as it is now on disk (already checked to be the same content,
     *               possibly moved)
     * @return true when this reopener handled it (opened or selected the view on the object/frame)
     */
    boolean reopen(EvidenceSource source, Path file);
}
