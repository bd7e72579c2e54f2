package dev.inquest.heap.query;

/**
 * One class (or package) in two dumps of the same process. Retained is the retained size of the
 * set of all its instances in each dump. {@code isNew}: the class is not loaded in the baseline.
 */
public record ClassDelta(String name, boolean isNew, long countBefore, long countAfter, long shallowBefore,
        long shallowAfter, long retainedBefore, long retainedAfter) {
    public long countDelta() {
        return countAfter - countBefore;
    }

    public long shallowDelta() {
        return shallowAfter - shallowBefore;
    }

    public long retainedDelta() {
        return retainedAfter - retainedBefore;
    }
}
