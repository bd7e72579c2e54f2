package dev.inquest.jfr.alloc;

import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one class was allocated: the frames that allocated it (the top frame of each sampled
 * stack), largest first, read from a reversed allocation tree, where they are the class's children.
 *
 * @param classBytes the class's allocated weight (bytes or samples, as the tree's weight)
 * @param total      the whole tree's weight, for the class's share of all allocations
 * @param sites      at most the limit asked for, largest first
 * @param otherSites how many smaller allocating frames were left out
 */
public record AllocationSites(String className, long classBytes, long total, List<Site> sites, int otherSites) {
    /** @param shareOfClass this site's part of the class's allocations, 0..1 */
    public record Site(String frame, long bytes, double shareOfClass) {
    }

    public double shareOfAll() {
        return total == 0 ? 0 : (double) classBytes / total;
    }

    /**
     * The allocating frames of a class. The same method can appear twice (interpreted and
     * compiled are separate frames in the tree); a site is a method, so those are added up.
     */
    public static AllocationSites of(StackTree reversed, String className, int limit) {
        if (!reversed.reversed()) {
            throw new IllegalArgumentException("allocation sites are read from a reversed (callers) tree");
        }
        long classBytes = 0;
        Map<String, Long> byFrame = new LinkedHashMap<>();
        for (StackNode c : reversed.root().children()) {
            if (!c.name().equals(className)) {
                continue;
            }
            classBytes += c.total();
            for (StackNode site : c.children()) {
                byFrame.merge(site.name(), site.total(), Long::sum);
            }
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(byFrame.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Site> sites = new ArrayList<>();
        for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(limit, sorted.size()))) {
            sites.add(new Site(e.getKey(), e.getValue(), classBytes == 0 ? 0 : (double) e.getValue() / classBytes));
        }
        return new AllocationSites(className, classBytes, reversed.total(), List.copyOf(sites), sorted.size() - sites.size());
    }
}
