package dev.inquest.heap.index;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.graph.EdgeFilter;
import dev.inquest.heap.graph.InboundEdges;
import dev.inquest.progress.Progress;
import java.util.Objects;
import java.util.function.Function;

/**
 * Engine-internal: an open dump's structures (index, dominator tree, inbound references, the
 * store beside the index), for the heap engine's own queries in {@code heap.query}.
 *
 * <p>Why not public methods on {@code HeapDump}: the dump is the engine's door, and a door that
 * hands out its index is open to every face. The queries live in another package, so Java offers
 * no "friend" access; the JDK's answer is a shared-secrets registry, and this is it: the dump
 * registers how to reach its parts once, from its static initialiser, and only code that imports
 * this internal package (the heap engine: {@code ArchitectureTest} keeps everyone else out) can
 * ask. The parameter is {@code Object} because this package sits below the dump's.
 */
public final class DumpInternals {
    /** The parts of one open dump. */
    public interface Parts {
        HeapIndex index();

        DominatorTree dominatorTree();

        /** Where structures derived from the index are kept between opens, or {@link DerivedStore#NONE}. */
        DerivedStore derivedStore();

        /** The inbound reference index, built on first use and kept while the dump is open. */
        InboundEdges inboundEdges(Progress progress);

        /** The edges a "why is it alive" question follows: all but weak/soft/phantom referents. */
        EdgeFilter strongReferences();
    }

    private static volatile Function<Object, Parts> access;

    private DumpInternals() {
    }

    /** Called once, by the dump class as it initialises. */
    public static void register(Function<Object, Parts> dumpToParts) {
        access = Objects.requireNonNull(dumpToParts);
    }

    /** The parts of {@code dump}, a {@code heap.model.HeapDump}. */
    public static Parts of(Object dump) {
        // A dump exists, so its class has initialised and registered.
        return access.apply(dump);
    }
}
