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

    /** The open case, if any (captures add their artifacts to it). */
    java.util.Optional<dev.inquest.investigation.session.CaseSession> session();

    /** Applies an edit to the open case (autosaved, undoable); says so in the status bar when none is open. */
    void apply(dev.inquest.investigation.session.CaseEdit edit);

    /** Starts a new case at once in the cases folder, without asking (a capture with no case open). */
    void newInvestigation();
}
