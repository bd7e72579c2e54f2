/**
 * Where a recording and a heap dump of the same JVM meet. Neither engine imports the other
 * ({@code dev.inquest.heap} knows nothing of JFR, {@code dev.inquest.jfr} nothing of HPROF), so the
 * code that reads one side's answer and looks it up on the other side lives here, without JavaFX.
 */
package dev.inquest.link;
