package dev.inquest.heap.query;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Class loaders: the classes each defined, their live instances, and the classes defined by more
 * than one loader, the mark of a class loader leak (a redeployed plugin or web app whose old
 * loader is still reachable). O(classes) once the per-dump {@link ClassInstances} index exists.
 */
public final class ClassLoaders {
    /**
     * One loader. {@code address} 0 is the bootstrap ("system") loader; {@code retained} is what
     * the loader object alone keeps alive (0 for the bootstrap loader).
     */
    public record Loader(long node, long address, String className, long classes, long instances, long instancesShallow,
            long retained) {
    }

    /** A class name defined by several loaders, with the instances of all its copies. */
    public record DuplicatedClass(String name, long loaders, long instances, List<Long> loaderAddresses) {
    }

    public record Result(List<Loader> loaders, List<DuplicatedClass> duplicatedClasses) {
    }

    private ClassLoaders() {
    }

    public static Result compute(HeapDump dump, Progress progress) {
        DominatorTree tree = DumpInternals.of(dump).dominatorTree();
        List<ClassInfo> classes = DumpInternals.of(dump).index().classes();
        long[] count = new long[classes.size()];
        long[] shallow = new long[classes.size()];
        progress.phase("Class loaders", -1, Progress.Unit.ITEMS);
        // Reachable instances per class, class objects apart: the shared per-dump instance index.
        ClassInstances instances = ClassInstances.of(dump, progress);
        for (ClassInfo c : classes) {
            count[c.ordinal()] = instances.count(c.ordinal());
            shallow[c.ordinal()] = instances.shallow(c.ordinal());
        }
        Map<Long, long[]> byLoader = new HashMap<>(); // loader id -> classes, instances, shallow
        Map<String, List<ClassInfo>> byName = new TreeMap<>();
        for (ClassInfo c : classes) {
            if (c.synthetic()) {
                continue; // placeholders and primitive array classes have no loader of their own
            }
            long[] a = byLoader.computeIfAbsent(c.loaderId(), k -> new long[3]);
            a[0]++;
            a[1] += count[c.ordinal()];
            a[2] += shallow[c.ordinal()];
            byName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
        }
        List<Loader> loaders = new ArrayList<>();
        byLoader.forEach((id, a) -> {
            long node = id == 0 ? -1 : dump.node(id);
            String cls = id == 0 ? "<bootstrap class loader>" : node < 0 ? "<unknown loader>" : dump.className(node);
            loaders.add(new Loader(node, id, cls, a[0], a[1], a[2], node < 0 ? 0 : tree.retained(node)));
        });
        loaders.sort(Comparator.comparingLong(Loader::retained).reversed().thenComparing(Comparator.comparingLong(Loader::classes).reversed()));
        List<DuplicatedClass> dups = new ArrayList<>();
        byName.forEach((name, list) -> {
            List<Long> ids = list.stream().map(ClassInfo::loaderId).distinct().sorted().toList();
            if (ids.size() > 1) {
                long inst = 0;
                for (ClassInfo c : list) {
                    inst += count[c.ordinal()];
                }
                dups.add(new DuplicatedClass(name, ids.size(), inst, ids));
            }
        });
        dups.sort(Comparator.comparingLong(DuplicatedClass::loaders).reversed().thenComparing(DuplicatedClass::name));
        return new Result(List.copyOf(loaders), List.copyOf(dups));
    }
}
