package dev.inquest.heap.query;

/** An object named the way a report quotes it: where it is, what it is, how much it keeps alive. */
public record ObjectBrief(long node, long address, String className, long shallow, long retained) {
    static ObjectBrief of(ObjectReader r, long node) {
        return new ObjectBrief(node, r.index().address(node), r.className(node), r.index().shallowSize(node),
                r.tree().retained(node));
    }
}
