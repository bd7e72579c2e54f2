/**
 * The contracts between the window and its views, imported by both and importing no view:
 * what a view implements to be pinned ({@link dev.inquest.ui.view.EvidenceSourceView},
 * {@link dev.inquest.ui.view.TabEvidence}), how pinned evidence reopens
 * ({@link dev.inquest.ui.view.EvidenceReopener}), the notebook's side of it
 * ({@link dev.inquest.ui.view.CaseDesk}) and the jumps between heap dumps and recordings by
 * class name ({@link dev.inquest.ui.view.ClassLinks}).
 */
package dev.inquest.ui.view;
