/**
 * Where a recording and a heap dump of the same JVM meet. Neither engine imports the other
 * ({@code dev.inquest.heap} knows nothing of JFR, {@code dev.inquest.jfr} nothing of HPROF), so the
 * code that reads one side's answer and looks it up on the other side lives here, without JavaFX.
 * Evidence drafted from either engine's answers ({@link dev.inquest.link.HeapEvidence},
 * {@link dev.inquest.link.RecordingEvidence}) lives here too: it needs their records and the
 * investigation model, and the window and the command line draft the same sentences through it.
 */
package dev.inquest.link;
