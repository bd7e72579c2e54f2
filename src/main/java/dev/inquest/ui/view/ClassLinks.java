package dev.inquest.ui.view;

import dev.inquest.link.DumpChoice;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The two jumps between the heap side and the recording side, by class name: "where were these
 * allocated?" (heap row -> allocation flame graph) and "show in heap dump" (allocated class ->
 * heap). Views call these without knowing the other side; {@code ui.link} fills them in. A jump
 * from a recording carries the recording's time span: with several dumps open, {@code ui.link}
 * goes to the one {@link DumpChoice} ranks first and says which.
 */
public final class ClassLinks {
    private BooleanSupplier allocationsAvailable = () -> false;
    private Predicate<String> allocations = c -> false;
    private BooleanSupplier heapAvailable = () -> false;
    private BiPredicate<DumpChoice.Span, String> heapInstances = (s, c) -> false;
    private BiPredicate<DumpChoice.Span, dev.inquest.link.ReferenceChain> heapChain = (s, c) -> false;

    public void setAllocations(BooleanSupplier available, Predicate<String> show) {
        this.allocationsAvailable = available;
        this.allocations = show;
    }

    public void setHeapInstances(BooleanSupplier available, BiPredicate<DumpChoice.Span, String> show) {
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

    private java.util.function.Function<DumpChoice.Span, java.util.List<String>> heapDumps = s -> java.util.List.of();
    private HeapInstancesIn heapInstancesIn = (s, c, i) -> false;

    /** "Show in heap dump" in the {@code rank}-th of the open dumps as {@link #heapDumps} lists them. */
    @FunctionalInterface
    public interface HeapInstancesIn {
        boolean show(DumpChoice.Span from, String className, int rank);
    }

    /** The open dumps a link from a recording could go to, and the jump to one of them by rank. */
    public void setHeapDumps(java.util.function.Function<DumpChoice.Span, java.util.List<String>> names, HeapInstancesIn showIn) {
        this.heapDumps = names;
        this.heapInstancesIn = showIn;
    }

    /** The open dumps' names, the one a link from {@code from} goes to first (a menu offers the others). */
    public java.util.List<String> heapDumps(DumpChoice.Span from) {
        return heapDumps.apply(from);
    }

    /** "Show in heap dump" in another open dump than the one the link chooses. */
    public boolean showHeapInstancesIn(DumpChoice.Span from, String className, int rank) {
        return heapInstancesIn.show(from, className, rank);
    }

    /** "Show in heap dump" from a recording spanning {@code from}; false when no dump is open. */
    public boolean showHeapInstances(DumpChoice.Span from, String className) {
        return heapInstances.test(from, className);
    }

    /** "Find in heap dump" for an old-object sample's reference chain; available when a heap dump is. */
    public void setHeapChain(BiPredicate<DumpChoice.Span, dev.inquest.link.ReferenceChain> find) {
        this.heapChain = find;
    }

    /** Looks for the chain's object in a heap dump and shows it; false when no dump is open. */
    public boolean findChainInHeap(DumpChoice.Span from, dev.inquest.link.ReferenceChain chain) {
        return heapChain.test(from, chain);
    }
}
