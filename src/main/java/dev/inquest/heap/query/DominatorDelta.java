package dev.inquest.heap.query;

import java.util.List;

/**
 * A dominator that grew, identified across dumps by its dominator path: the class names from the
 * top of the dominator tree down to it (object addresses differ between dumps, paths do not).
 * {@code count*} is how many objects share that path in each dump (their retained sizes summed).
 */
public record DominatorDelta(List<String> path, long countBefore, long countAfter, long retainedBefore,
        long retainedAfter) {
    public long retainedDelta() {
        return retainedAfter - retainedBefore;
    }

    /** The dominator's own class: the last element of its path. */
    public String className() {
        return path.getLast();
    }
}
