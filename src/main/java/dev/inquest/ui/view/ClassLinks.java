package dev.inquest.ui.view;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The two jumps between the heap side and the recording side, by class name: "where were these
 * allocated?" (heap row -> allocation flame graph) and "show in heap dump" (allocated class ->
 * heap). Views call these without knowing the other side; {@code ui.link} fills them in.
 */
public final class ClassLinks {
    private BooleanSupplier allocationsAvailable = () -> false;
    private Predicate<String> allocations = c -> false;
    private BooleanSupplier heapAvailable = () -> false;
    private Predicate<String> heapInstances = c -> false;
    private Predicate<dev.inquest.link.ReferenceChain> heapChain = c -> false;

    public void setAllocations(BooleanSupplier available, Predicate<String> show) {
        this.allocationsAvailable = available;
        this.allocations = show;
    }

    public void setHeapInstances(BooleanSupplier available, Predicate<String> show) {
        this.heapAvailable = available;
        this.heapInstances = show;
    }

    /** Whether a recording is at hand to answer "where were these allocated?". */
    public boolean canShowAllocations() {
        return allocationsAvailable.getAsBoolean();
    }

    /** Opens the allocation flame graph on the class; false when no recording could. */
    public boolean showAllocations(String className) {
        return allocations.test(className);
    }

    public boolean canShowHeapInstances() {
        return heapAvailable.getAsBoolean();
    }

    public boolean showHeapInstances(String className) {
        return heapInstances.test(className);
    }

    /** "Find in heap dump" for an old-object sample's reference chain; available when a heap dump is. */
    public void setHeapChain(Predicate<dev.inquest.link.ReferenceChain> find) {
        this.heapChain = find;
    }

    /** Looks for the chain's object in a heap dump and shows it; false when no dump is open. */
    public boolean findChainInHeap(dev.inquest.link.ReferenceChain chain) {
        return heapChain.test(chain);
    }
}
