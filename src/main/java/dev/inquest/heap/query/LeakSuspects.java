package dev.inquest.heap.query;

import dev.inquest.format.Units;
import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.PathStep;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leak suspects: MAT's rules, then further.
 *
 * <p>MAT's part: the threshold is 10 % of the used heap; single suspects are top-level
 * dominators over it, group suspects the remaining top-level dominators of one class whose sum
 * is over it. From each, MAT walks down the dominator tree into the biggest child while the
 * child keeps at least 70 % of its parent.
 *
 * <p>Beyond MAT: (1) the accumulation point is the last collection on that walk whose own
 * structure (table, nodes, backing array) is all that follows it, so a linked queue reads as
 * "the ConcurrentLinkedDeque" rather than its 20,000th node; it is described as a container
 * with its element count and element class; (2) it is named by its holder field on the shortest
 * strong path from a GC root; (3) elements (or group members) equal by a key field are reported
 * as duplication; (4) a JDK holder (class loader, thread, JDK class statics) is not blamed when
 * application code sits below it, and a JDK holder with nothing of the application below it is
 * dismissed as runtime infrastructure rather than reported; (5) a walk that stops at an object or
 * class whose retained size is shared by several children splits (issue 19): each child holding
 * at least {@link #PART_SHARE} of the used heap (at most {@link #MAX_PARTS}, when two or more do)
 * is walked on to its own accumulation point and named as a {@link SuspectPart}, and the title
 * says what accumulates in each rather than naming the class that owns the statics. Each step is
 * linear in what it walks.
 */
public final class LeakSuspects {
    /** MAT's threshold: 10 % of the used heap. */
    public static final double THRESHOLD = 0.10;
    /** MAT's accumulation walk goes on while the biggest child keeps this share of its parent. */
    public static final double DOWN_RATIO = 0.7;
    /**
     * A child of the object where the walk stops is a part of a split suspect when it retains at
     * least this share of the used heap: MAT's threshold, so each part would be a suspect of its
     * own were it a top-level dominator. Two or more must qualify, or the suspect does not split.
     */
    public static final double PART_SHARE = THRESHOLD;
    /** Parts a split suspect names at most (by retained size); with a 10 % floor there are at most 9 anyway. */
    public static final int MAX_PARTS = 5;

    private final HeapDump dump;
    private final ObjectReader reader;
    private final Containers containers;
    private final DominatorTree tree;
    private final Holdings holdings;

    public LeakSuspects(HeapDump dump) {
        this.dump = dump;
        this.reader = new ObjectReader(dump);
        this.containers = new Containers(reader);
        this.tree = DumpInternals.of(dump).dominatorTree();
        this.holdings = new Holdings(dump, reader, containers);
    }

    public static SuspectReport find(HeapDump dump, Progress progress) {
        return new LeakSuspects(dump).find(progress);
    }

    public SuspectReport find(Progress progress) {
        long used = tree.reachableShallowSum();
        long threshold = (long) Math.ceil(used * THRESHOLD);
        List<Suspect> suspects = new ArrayList<>();
        List<SuspectReport.Dismissed> dismissed = new ArrayList<>();
        progress.phase("Leak suspects", -1, Progress.Unit.ITEMS);

        // Single suspects; the rest of the top level is grouped by class.
        Map<Integer, List<Long>> groups = new HashMap<>();
        long top = tree.topLevelCount();
        for (long i = 0; i < top; i++) {
            long v = tree.topLevel(i);
            if (tree.retained(v) > threshold) {
                Suspect s = single(v, used, progress);
                if (s != null) {
                    suspects.add(s);
                } else {
                    dismissed.add(new SuspectReport.Dismissed(ObjectBrief.of(reader, v), percent(tree.retained(v), used),
                            "JDK runtime infrastructure (" + reader.className(v)
                                    + "): nothing of the application accumulates below it"));
                }
            } else {
                int key = reader.index().isClassObject(v) ? -1 - (int) v : reader.index().classOrdinal(v);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
            }
            if ((i & 0xFFF) == 0) {
                progress.checkCancelled();
            }
        }
        for (List<Long> members : groups.values()) {
            long sum = 0;
            for (long m : members) {
                sum += tree.retained(m);
            }
            if (members.size() > 1 && sum > threshold) {
                Suspect g = group(members, sum, used, progress);
                if (g != null) {
                    suspects.add(g);
                } else {
                    long first = members.getFirst();
                    dismissed.add(new SuspectReport.Dismissed(ObjectBrief.of(reader, first), percent(sum, used),
                            Units.count(members.size()) + " top-level " + reader.className(first)
                                    + " held by the JVM itself (interned strings, archived and class-resolution objects): "
                                    + "nothing of the application accumulates below them"));
                }
            }
        }
        suspects.sort(Comparator.comparingLong(Suspect::retained).reversed());
        return new SuspectReport(used, threshold, List.copyOf(suspects), List.copyOf(dismissed));
    }

    /** MAT's walk: from {@code start} into the biggest dominated child while it keeps 70 % of its parent. */
    List<Long> walkDown(long start, Progress progress) {
        List<Long> walk = new ArrayList<>();
        long v = start;
        walk.add(v);
        while (tree.childCount(v) > 0) {
            long c = tree.child(v, 0);
            if (tree.retained(c) < DOWN_RATIO * tree.retained(v)) {
                break;
            }
            v = c;
            walk.add(v);
            if ((walk.size() & 0xFFF) == 0) {
                progress.checkCancelled();
            }
        }
        return walk;
    }

    /**
     * The index on the walk of the accumulation point: the last container whose structure is all
     * that follows it on the walk, else the walk's end (MAT's answer).
     */
    int accumulationIndex(List<Long> walk) {
        int candidate = -1;
        for (int i = 0; i < walk.size(); i++) {
            long x = walk.get(i);
            if (candidate >= 0 && i > 0 && partOf(walk.get(i - 1), x)) {
                continue;
            }
            candidate = containers.isContainer(x) ? i : -1;
        }
        return candidate >= 0 ? candidate : walk.size() - 1;
    }

    /** Whether {@code x}, dominated by {@code prev}, is part of prev's implementation (when prev is a container or its structure). */
    private boolean partOf(long prev, long x) {
        return holdings.partOf(prev, x);
    }

    private Suspect single(long dominatorNode, long used, Progress progress) {
        List<Long> walk = walkDown(dominatorNode, progress);
        int acc = accumulationIndex(walk);
        long accNode = walk.get(acc);
        ContainerInfo container = containers.describe(accNode, progress);
        boolean appBelow = false;
        int firstApp = -1;
        for (int i = 0; i <= acc; i++) {
            if (!reader.jdkOwned(walk.get(i))) {
                appBelow = true;
                firstApp = i;
                break;
            }
        }
        boolean appElements = appElements(container);
        boolean jdkTop = reader.jdkOwned(dominatorNode);
        if (jdkTop && !appBelow && !appElements && infrastructure(dominatorNode)) {
            return null;
        }
        long blamed = dominatorNode;
        if (jdkTop && appBelow) {
            blamed = walk.get(firstApp);
        } else if (jdkTop && appElements) {
            blamed = accNode;
        }
        List<SuspectPart> parts = acc == walk.size() - 1 ? split(accNode, used, progress) : List.of();
        if (!parts.isEmpty()) {
            return describeSplit(blamed, ObjectBrief.of(reader, dominatorNode), accNode, used, parts, progress);
        }
        return describe("single", blamed, 1, tree.retained(blamed), ObjectBrief.of(reader, dominatorNode), accNode,
                container, used, null, progress);
    }

    private boolean appBelow(List<Long> walk, int upTo) {
        for (int i = 0; i <= upTo; i++) {
            if (!reader.jdkOwned(walk.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean appElements(ContainerInfo container) {
        return container != null && container.elementClass() != null
                && !ObjectReader.isJdkClassName(container.elementClass());
    }

    /** Class loaders, threads and JDK class objects: the JVM's own holders. */
    private boolean infrastructure(long node) {
        if (reader.index().isClassObject(node)) {
            return true;
        }
        ClassInfo c = reader.index().classOf(node);
        return reader.isA(c, "java.lang.ClassLoader") || reader.isA(c, "java.lang.Thread")
                || node == reader.index().node(0);
    }

    private Suspect group(List<Long> members, long sum, long used, Progress progress) {
        long biggest = members.getFirst(); // top level is sorted by retained, largest first
        List<Long> walk = walkDown(biggest, progress);
        long accNode = walk.get(accumulationIndex(walk));
        ContainerInfo container = containers.describe(accNode, progress);
        if (reader.jdkOwned(biggest) && !appBelow(walk, walk.indexOf(accNode)) && !appElements(container)) {
            return null;
        }
        long[] nodes = members.stream().mapToLong(Long::longValue).toArray();
        Duplication dup = new DuplicateKeys(reader).find(nodes, progress);
        return describe("group", biggest, members.size(), sum, ObjectBrief.of(reader, biggest), accNode, container,
                used, dup, progress);
    }

    private Suspect describe(String kind, long blamed, long count, long retained, ObjectBrief dominator, long accNode,
                             ContainerInfo container, long used, Duplication groupDup, Progress progress) {
        List<PathStep> path = holdings.path(accNode, progress);
        String holder = Holdings.holderName(path);
        Duplication dup = groupDup;
        if (dup == null && container != null && container.elementClass() != null) {
            dup = elementDuplication(container, progress);
        }
        double pct = percent(retained, used);
        String blamedClass = reader.className(blamed);
        String title;
        String explanation;
        String share = Units.bytes(retained) + ", " + Units.percent(pct / 100);
        if (container != null && container.elementClass() != null) {
            String what = "the " + simple(containerTypeName(container)) + (holder == null ? "" : " in " + holder);
            String holds = " holds " + Units.count(container.elementClassCount()) + " " + simple(container.elementClass());
            long accRetained = tree.retained(accNode);
            title = what + holds + " (" + Units.bytes(accRetained) + ", " + Units.percent(percent(accRetained, used) / 100) + ")";
            explanation = (kind.equals("group") ? Units.count(count) + " " + simple(blamedClass) + " together retain "
                    : simple(blamedClass) + " retains ") + share + " of the used heap, over the 10 % threshold, and "
                    + Units.percent((double) accRetained / Math.max(1, retained)) + " of that accumulates in one "
                    + container.kind().label() + " of " + Units.count(container.elementCount()) + " elements"
                    + (dup == null ? "" : ", duplicated: " + Units.count(dup.instances()) + " " + simple(dup.className())
                    + " for " + Units.count(dup.distinctKeys()) + " distinct " + dup.keyField()) + ".";
        } else {
            String accClass = reader.className(accNode);
            title = (kind.equals("group") ? Units.count(count) + " instances of " + simple(blamedClass)
                    : "one " + simple(blamedClass)) + " retain" + (kind.equals("group") ? "" : "s") + " " + share
                    + (accNode == blamed ? "" : ", most of it in " + simple(accClass) + (holder == null ? "" : " (" + holder + ")"));
            explanation = (kind.equals("group") ? "These top-level " + simple(blamedClass) + " together retain "
                    : simple(blamedClass) + " retains ") + share + " of the used heap, over the 10 % threshold"
                    + (accNode == blamed ? "." : "; the memory accumulates in " + simple(accClass) + " ("
                    + Units.bytes(tree.retained(accNode)) + ").");
        }
        return new Suspect(title, kind, blamedClass, count, retained, pct, dominator, ObjectBrief.of(reader, accNode),
                container, holder, path, dup, explanation);
    }

    /**
     * The children of {@code node} (where the walk stopped) that hold a significant share, each
     * walked on to its accumulation point; empty when fewer than two qualify (see {@link #PART_SHARE}).
     */
    List<SuspectPart> split(long node, long used, Progress progress) {
        long floor = (long) Math.ceil(used * PART_SHARE);
        List<Long> kids = new ArrayList<>();
        // Children are sorted by retained size, largest first (as walkDown relies on).
        for (long i = 0, n = tree.childCount(node); i < n && kids.size() < MAX_PARTS; i++) {
            long c = tree.child(node, i);
            if (tree.retained(c) < floor) {
                break;
            }
            kids.add(c);
        }
        if (kids.size() < 2) {
            return List.of();
        }
        List<SuspectPart> parts = new ArrayList<>();
        for (long c : kids) {
            List<Long> walk = walkDown(c, progress);
            long acc = walk.get(accumulationIndex(walk));
            ContainerInfo container = containers.describe(acc, progress);
            Duplication dup = null;
            if (container != null && container.elementClass() != null) {
                long[] members = containers.members(acc, container.elementClass(), progress);
                dup = new DuplicateKeys(reader).find(members, progress);
                if (dup == null) {
                    dup = referencedDuplication(members, progress);
                }
            }
            parts.add(new SuspectPart(fieldTo(node, c), ObjectBrief.of(reader, c), ObjectBrief.of(reader, acc),
                    holdings.holderName(acc, progress), container, tree.retained(c), percent(tree.retained(c), used),
                    tree.retained(acc), dup));
        }
        return List.copyOf(parts);
    }

    /** The field (static or instance) through which {@code from} references {@code to} directly, or null. */
    private String fieldTo(long from, long to) {
        if (reader.index().isClassObject(from)) {
            for (dev.inquest.heap.model.ObjectRef ref : dump.outbound(from)) {
                if (ref.node() == to) {
                    return ref.field();
                }
            }
            return null;
        }
        return reader.fieldTo(from, reader.index().address(to));
    }

    /**
     * Duplication one reference away: the elements carry no key, but each references an
     * application object (a DTO) through one field, and those are equal by theirs. The first
     * such field (in field order) whose targets are duplicated answers.
     */
    private Duplication referencedDuplication(long[] members, Progress progress) {
        if (members.length < DuplicateKeys.MIN_INSTANCES) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        reader.forEachRef(members[0], (name, target) -> {
            if (name != null && !ObjectReader.isJdkClassName(reader.className(target)) && !fields.contains(name)) {
                fields.add(name);
            }
        });
        for (String f : fields) {
            long[] targets = new long[members.length];
            int n = 0;
            int ordinal = -1;
            for (int i = 0; i < members.length; i++) {
                if ((i & 0xFFFF) == 0) {
                    progress.checkCancelled();
                }
                long t = reader.ref(members[i], f);
                if (t < 0 || reader.index().isClassObject(t)) {
                    continue;
                }
                int o = reader.index().classOrdinal(t);
                if (ordinal < 0) {
                    ordinal = o;
                }
                if (o == ordinal) {
                    targets[n++] = t;
                }
            }
            Duplication d = n == 0 ? null : new DuplicateKeys(reader).find(java.util.Arrays.copyOf(targets, n), progress);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /**
     * A split suspect: the title names what accumulates in each part ("ResponseLog.served holds
     * 100,000 AssetResponseWrapper (13.2 MB); AssetManager.assets holds 35,000 (4.4 MB)"), the
     * explanation why it split and each part's container and duplication.
     */
    private Suspect describeSplit(long blamed, ObjectBrief dominator, long accNode, long used, List<SuspectPart> parts,
                                  Progress progress) {
        List<PathStep> path = holdings.path(accNode, progress);
        String holder = Holdings.holderName(path);
        long retained = tree.retained(blamed);
        double pct = percent(retained, used);
        StringBuilder title = new StringBuilder();
        StringBuilder why = new StringBuilder();
        String previousElement = null;
        for (SuspectPart p : parts) {
            if (!title.isEmpty()) {
                title.append("; ");
                why.append("; ");
            }
            ContainerInfo c = p.container();
            String size = Units.bytes(p.accumulationRetained());
            if (c != null && c.elementClass() != null) {
                String element = simple(c.elementClass());
                title.append(p.label()).append(" holds ").append(Units.count(c.elementClassCount()))
                        .append(element.equals(previousElement) ? "" : " " + element).append(" (").append(size).append(')');
                previousElement = element;
                why.append(p.label()).append(", a ").append(c.kind().label()).append(" (").append(simple(c.className()))
                        .append(") of ").append(Units.count(c.elementCount())).append(" elements, ").append(size);
                Duplication d = p.duplication();
                if (d != null) {
                    why.append(", duplicated: ").append(Units.count(d.instances())).append(' ').append(simple(d.className()))
                            .append(" for ").append(Units.count(d.distinctKeys())).append(" distinct ").append(d.keyField());
                }
            } else {
                title.append(p.label()).append(" retains ").append(size);
                why.append(p.label()).append(", ").append(size);
            }
        }
        String blamedClass = reader.className(blamed);
        String explanation = simple(blamedClass) + " retains " + Units.bytes(retained) + ", " + Units.percent(pct / 100)
                + " of the used heap, over the 10 % threshold; no child keeps 70 % of "
                + (accNode == blamed ? "it" : simple(reader.className(accNode))) + ", so it splits into "
                + Units.count(parts.size()) + " parts of at least 10 % of the used heap each: " + why + ".";
        return new Suspect(title.toString(), "single", blamedClass, 1, retained, pct, dominator,
                ObjectBrief.of(reader, accNode), null, holder, path, null, explanation, parts);
    }

    private Duplication elementDuplication(ContainerInfo container, Progress progress) {
        return new DuplicateKeys(reader).find(containers.members(container.node(), container.elementClass(), progress), progress);
    }

    private String containerTypeName(ContainerInfo c) {
        return c.className();
    }

    static String stripClass(String name) {
        return name.startsWith("class ") ? name.substring(6) : name;
    }

    /** The name without its package, as people say it ("ConcurrentLinkedDeque", "Dispatcher$Event"). */
    static String simple(String name) {
        String prefix = name.startsWith("class ") ? "class " : "";
        String n = stripClass(name);
        return prefix + n.substring(n.lastIndexOf('.') + 1);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
