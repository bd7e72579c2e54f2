package dev.inquest.jfr.read.rules;

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

    /** Adds another group's findings to this one. */
    void merge(P other);

    /** Called once on the merged probe, before any rule reads it (sorting, naming). */
    default void finish() {
    }

    /** A kind of probe: the event types it reads and how to make one. Rules name the kind they read. */
    record Kind<P extends Probe<P>>(String name, Set<String> events, Supplier<P> factory) {
    }
}
