package dev.inquest.ui.view;

/**
 * What a view package may ask of the window's case notebook without depending on it: the
 * notebook implements this and the window holds it ({@code MainWindow.caseDesk()}), so views
 * register how their evidence reopens and how their tabs pin before or without a case open.
 */
public interface CaseDesk {
    /** Adds a way to reopen pinned evidence; tried in the order added. */
    void addReopener(EvidenceReopener reopener);

    /** Adds a Ctrl+P source for tabs whose content is not an {@link EvidenceSourceView}. */
    void addTabEvidence(TabEvidence source);

    /** Pins what the selected tab offers, as Ctrl+P does (for a view's own Pin button); false when it offers nothing. */
    boolean pinSelection();
}
