package dev.inquest.heap.query;

import dev.inquest.heap.model.PathStep;
import java.util.List;

/**
 * One leak suspect.
 *
 * @param kind "single" (one top-level dominator over the threshold) or "group" (instances of one
 *     class, each top-level, together over it)
 * @param className the class blamed: the top-level dominator's, unless that is a JDK holder
 *     (class loader, thread, JDK class statics) and application code sits below it, then the
 *     first application object on the way down to the accumulation point
 * @param count 1 for a single suspect, the number of instances for a group
 * @param retained bytes the blamed object(s) keep alive; {@code percent} of the used heap
 * @param dominator the top-level dominator MAT would name (for a group: its largest member)
 * @param accumulation where the memory piles up (see {@link LeakSuspects})
 * @param container the accumulation point as a collection, with its elements; null when it is not one
 * @param holder "Class.field" through which the accumulation point is held on its shortest
 *     strong path from a GC root; null when the accumulation point is a root itself
 * @param path that path, from the accumulation point to the GC root (weak/soft/phantom referents excluded)
 * @param duplication instances of the element class equal by a key field, or null
 * @param parts when the walk stopped at an object or class whose retained size is shared by
 *     several children: the children holding a significant share, largest first (issue 19); empty otherwise
 */
public record Suspect(String title, String kind, String className, long count, long retained, double percent,
        ObjectBrief dominator, ObjectBrief accumulation, ContainerInfo container, String holder, List<PathStep> path,
        Duplication duplication, String explanation, List<SuspectPart> parts) {

    public Suspect {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A suspect that does not split. */
    public Suspect(String title, String kind, String className, long count, long retained, double percent,
            ObjectBrief dominator, ObjectBrief accumulation, ContainerInfo container, String holder, List<PathStep> path,
            Duplication duplication, String explanation) {
        this(title, kind, className, count, retained, percent, dominator, accumulation, container, holder, path,
                duplication, explanation, List.of());
    }

    /** Whether the suspect splits into parts. */
    public boolean splits() {
        return !parts.isEmpty();
    }
}
