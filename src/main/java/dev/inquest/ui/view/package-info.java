/**
 * The contracts between the window and its views, imported by both and importing no view:
 * what a view implements to be pinned ({@link dev.inquest.ui.view.EvidenceSourceView},
 * {@link dev.inquest.ui.view.TabEvidence}), how pinned evidence reopens
 * ({@link dev.inquest.ui.view.EvidenceReopener}) and the notebook's side of it
 * ({@link dev.inquest.ui.view.CaseDesk}).
 */
package dev.inquest.ui.view;
