package dev.inquest.jfr.read.rules;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jdk.jfr.consumer.EventStream;

/**
 * Collects what some rules need from the events of a group of chunks. One probe of each kind per
 * group of chunks, all on the same event stream, so the rule set reads the recording once however
 * many rules share a probe; {@link #merge} then folds the groups together.
 */
interface Probe<P extends Probe<P>> {
    /** Registers this probe's handlers; {@code tick} runs once per event (cancellation). */
    void subscribe(EventStream stream, Runnable tick);

    /**
     * Called in the worker once its group of chunks is read: work on what the JDK's parser handed
     * back (naming constants) done there, on each core, rather than on the merged probe.
     */
    default void done() {
    }

    /** Adds another group's findings to this one. */
    void merge(P other);

    /** Called once on the merged probe, before any rule reads it (sorting, naming). */
    default void finish() {
    }

    /**
     * Hands the merged probe the fields it asked to have summed ({@link Kind#sums}), with the event
     * counts of those types; called once, before {@link #finish}.
     */
    default void summed(Map<String, Long> sums, Map<String, Long> counts) {
    }

    /**
     * A kind of probe: the event types it reads through the JDK's parser, how to make one, and the
     * numeric fields it wants summed on the raw bytes instead (event type to field name): for types
     * with millions of events (the TLAB events) that only a total is wanted of.
     */
    record Kind<P extends Probe<P>>(String name, Set<String> events, Map<String, String> sums, Supplier<P> factory) {
        Kind(String name, Set<String> events, Supplier<P> factory) {
            this(name, events, Map.of(), factory);
        }
    }
}
