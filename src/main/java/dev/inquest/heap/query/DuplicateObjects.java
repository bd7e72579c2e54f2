package dev.inquest.heap.query;

import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Duplicate objects by key, over the whole heap: for every application class with at least
 * {@value DuplicateKeys#MIN_INSTANCES} reachable instances and a key-like field, the
 * {@link DuplicateKeys} rule (the same one the leak suspects apply to a container's elements)
 * decides whether its instances are copies of each other ("20,000 SessionView for 400 distinct
 * userId"); rows are ranked by the shallow bytes of the surplus instances.
 *
 * <p>JDK classes are left out: their key-like fields (a map node's {@code key}, a
 * {@code Field}'s {@code name}) repeat across distinct containers by design, and equal Strings
 * have their own table ({@link DuplicateStrings}). Classes are read from the per-dump
 * {@link ClassInstances} runs, largest first, in parallel, each in parallel blocks, and a class
 * stops as soon as one key-like field tells more than half its instances apart: O(instances of
 * keyed application classes), usually far less than one pass over the heap.
 */
public final class DuplicateObjects {
    private DuplicateObjects() {
    }

    /** Rows by wasted bytes, largest first, at most {@code limit}; key values redacted unless {@code includeValues}. */
    public static List<DuplicateObject> find(HeapDump dump, int limit, boolean includeValues, Progress progress) {
        ClassInstances instances = ClassInstances.of(dump, progress);
        DuplicateKeys keys = new DuplicateKeys(new ObjectReader(dump));
        List<ClassInfo> candidates = new ArrayList<>();
        long total = 0;
        for (ClassInfo c : DumpInternals.of(dump).index().classes()) {
            if (!c.isArray() && !ObjectReader.isJdkClassName(c.name()) && instances.count(c.ordinal()) >= DuplicateKeys.MIN_INSTANCES
                    && keys.hasKeyField(c)) {
                candidates.add(c);
                total += instances.count(c.ordinal());
            }
        }
        // Largest first, so the biggest class does not start last and run alone on one core.
        candidates.sort(Comparator.comparingLong((ClassInfo c) -> instances.count(c.ordinal())).reversed());
        progress.phase("Duplicate objects by key", total, Progress.Unit.ITEMS);
        AtomicLong done = new AtomicLong();
        List<DuplicateKeys.Keyed> found = candidates.parallelStream().map(c -> {
            long begin = instances.begin(c.ordinal());
            DuplicateKeys.Keyed k = keys.keyed(c, instances.count(c.ordinal()), i -> instances.node(begin + i), progress);
            progress.progress(done.addAndGet(instances.count(c.ordinal())));
            return k;
        }).filter(Objects::nonNull).toList();
        progress.checkCancelled();
        List<DuplicateObject> rows = new ArrayList<>();
        for (DuplicateKeys.Keyed k : found) {
            long one = DumpInternals.of(dump).index().shallowSize(k.topExample());
            String text = keys.keyText(k.topExample(), k.type(), k.field());
            String shown = text == null ? null : includeValues ? (text.length() > 200 ? text.substring(0, 200) + "..." : text)
                    : "<redacted: " + text.length() + " chars>";
            rows.add(new DuplicateObject(k.type().name(), k.instances(), k.keyField(), keys.keyType(k.topExample(), k.type(), k.field()),
                    k.keyed(), k.distinct(), k.surplus(), one * k.surplus(), shown, !includeValues, k.topCount(), k.topExample(),
                    dump.address(k.topExample())));
        }
        rows.sort(Comparator.comparingLong(DuplicateObject::wastedBytes).reversed().thenComparing(DuplicateObject::className)
                .thenComparingLong(DuplicateObject::example));
        return List.copyOf(rows.subList(0, Math.min(Math.max(0, limit), rows.size())));
    }
}
