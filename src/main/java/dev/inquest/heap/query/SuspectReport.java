package dev.inquest.heap.query;

import java.util.List;

/**
 * The answer to "what leaks here": the suspects, largest first (empty means "no suspect"), and
 * the big holders that were looked at and not blamed, each with the reason.
 *
 * @param threshold bytes a suspect must retain (10 % of the used heap, as MAT)
 */
public record SuspectReport(long usedHeap, long threshold, List<Suspect> suspects, List<Dismissed> dismissed) {
    /** A top-level dominator over the threshold that is not a suspect, and why. */
    public record Dismissed(ObjectBrief dominator, double percent, String reason) {
    }

    public boolean noSuspect() {
        return suspects.isEmpty();
    }
}
