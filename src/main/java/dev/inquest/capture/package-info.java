/**
 * Capture from running JVMs: list the local ones (the Attach API), and take heap dumps, flight
 * recordings, class histograms, thread dumps and native memory summaries from a local JVM (its
 * local JMX connector, started through the Attach API) or a remote one (a JMX URL).
 *
 * <p>The door is {@link dev.inquest.capture.Jvms} (list, connect) and {@link dev.inquest.capture.JvmConnection}
 * (the captures), with the records they answer with. Every capture reports to a
 * {@link dev.inquest.progress.Progress} and honours its cancellation, so a face drives it from a
 * background task; every result says which JVM, when, and the {@code jcmd} command it corresponds to.
 * Everything else here is package-private.
 */
package dev.inquest.capture;
