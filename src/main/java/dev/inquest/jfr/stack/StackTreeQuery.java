package dev.inquest.jfr.stack;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What to build a stack tree from and how.
 *
 * @param weight   null for the kind's default (bytes for alloc, count for cpu, nanoseconds for lock)
 * @param thread   keep only events of threads with exactly this name; null for all
 * @param from     keep events starting at or after; null for the recording start
 * @param to       keep events starting before; null for the recording end
 * @param include  keep only stacks with a frame (or leaf class) matching; null for all
 * @param exclude  drop stacks with a frame (or leaf class) matching; null for none
 * @param reverse  build the callers view (leaf frames at the top level)
 * @param minShare drop nodes whose total is below this share of the root (0 keeps everything)
 * @param allocSource for allocations: samples, TLAB events, or (AUTO) samples when present
 */
public record StackTreeQuery(EventKind kind, Weight weight, String thread, Instant from, Instant to,
                             Pattern include, Pattern exclude, boolean reverse, double minShare,
                             AllocSource allocSource) {

    public static StackTreeQuery of(EventKind kind) {
        return new StackTreeQuery(kind, null, null, null, null, null, null, false, 0, AllocSource.AUTO);
    }

    public Weight effectiveWeight() {
        return weight == null ? kind.defaultWeight() : weight;
    }

    public StackTreeQuery withWeight(Weight w) {
        return new StackTreeQuery(kind, w, thread, from, to, include, exclude, reverse, minShare, allocSource);
    }

    public StackTreeQuery withThread(String t) {
        return new StackTreeQuery(kind, weight, t, from, to, include, exclude, reverse, minShare, allocSource);
    }

    public StackTreeQuery withRange(Instant f, Instant t) {
        return new StackTreeQuery(kind, weight, thread, f, t, include, exclude, reverse, minShare, allocSource);
    }

    public StackTreeQuery withInclude(Pattern p) {
        return new StackTreeQuery(kind, weight, thread, from, to, p, exclude, reverse, minShare, allocSource);
    }

    public StackTreeQuery withExclude(Pattern p) {
        return new StackTreeQuery(kind, weight, thread, from, to, include, p, reverse, minShare, allocSource);
    }

    public StackTreeQuery withReverse(boolean r) {
        return new StackTreeQuery(kind, weight, thread, from, to, include, exclude, r, minShare, allocSource);
    }

    public StackTreeQuery withMinShare(double s) {
        return new StackTreeQuery(kind, weight, thread, from, to, include, exclude, reverse, s, allocSource);
    }

    public StackTreeQuery withAllocSource(AllocSource a) {
        return new StackTreeQuery(kind, weight, thread, from, to, include, exclude, reverse, minShare, a);
    }

    public boolean filtersEvents() {
        return thread != null || from != null || to != null;
    }
}
