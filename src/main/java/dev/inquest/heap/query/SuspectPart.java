package dev.inquest.heap.query;

/**
 * One share of a suspect that splits (issue 19): the accumulation walk stopped at an object or
 * class none of whose dominated children keeps 70 % of it, and this child holds a significant
 * share (see {@link LeakSuspects#PART_SHARE}). It is described as a suspect of its own: the
 * walk goes on from the child to its accumulation point.
 *
 * @param field how the split object references the child: a static's or an instance field's
 *     name ("log" of class Seeds); null when the child is not referenced directly by it
 * @param child the dominated child of the split object
 * @param accumulation where the child's memory piles up (the child itself when nothing below keeps 70 %)
 * @param holder "Class.field" through which the accumulation point is held on its shortest strong
 *     path from a GC root (the same rule as {@link Suspect#holder()}); null when there is none
 * @param container the accumulation point as a collection, or null when it is not one
 * @param retained bytes the child keeps alive; {@code percent} of the used heap
 * @param accumulationRetained bytes the accumulation point keeps alive
 * @param duplication the elements equal by a key field, or, when they carry none, the objects
 *     they each reference through one field (the wrappers' DTOs) equal by theirs; null when neither
 */
public record SuspectPart(String field, ObjectBrief child, ObjectBrief accumulation, String holder,
        ContainerInfo container, long retained, double percent, long accumulationRetained, Duplication duplication) {

    /** How the title and the panes name the part: its holder field, else the accumulation's class. */
    public String label() {
        return holder != null ? holder : LeakSuspects.simple(accumulation.className());
    }
}
