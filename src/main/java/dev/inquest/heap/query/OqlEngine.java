package dev.inquest.heap.query;

import dev.inquest.heap.graph.DominatorTree;
import dev.inquest.heap.graph.Reachability;
import dev.inquest.heap.hprof.HprofBytes;
import dev.inquest.heap.hprof.RecordLayout;
import dev.inquest.heap.hprof.Tags;
import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.index.HeapIndex;
import dev.inquest.heap.model.FieldValue;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.oql.Ast;
import dev.inquest.heap.oql.Ast.Expr;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a parsed query on a dump: resolves FROM to node ranges (the per-class instance index),
 * evaluates expressions on the dump's bytes through {@link ObjectReader}, in chunks spread over
 * the cores, and hands rows on in chunk order so results do not depend on thread timing.
 */
final class OqlEngine {
    /** Objects per unit of parallel work: a few milliseconds, so cancel and progress react quickly. */
    static final int CHUNK = 8192;

    /** A name the dump does not hold (class, address) or a select list GROUP BY cannot compute. */
    static final class Unresolved extends RuntimeException {
        final int offset;

        Unresolved(int offset, String what) {
            super(what);
            this.offset = offset;
        }
    }

    /** An object during evaluation; turned into an {@link ObjectBrief} in the result. */
    record Obj(long node) {
    }

    /** A slice of the FROM objects. */
    interface Nodes {
        long size();

        long node(long i);
    }

    record Chunk(Nodes nodes, long from, long to) {
    }

    /** A row on its way: the object it stands for, visible cells then hidden sort keys (internal values). */
    record Row(long node, Object[] values) {
    }

    private final HeapDump dump;
    private final Progress progress;
    private final ObjectReader reader;
    private final HeapIndex index;
    private final DominatorTree tree;
    private final HprofBytes bytes;
    private final int id;
    private final AtomicBoolean listsCut = new AtomicBoolean();
    private final Map<Ast.In, Set<Object>> subResults = new ConcurrentHashMap<>();

    OqlEngine(HeapDump dump, Progress progress) {
        this.dump = dump;
        this.progress = progress;
        this.reader = new ObjectReader(dump);
        this.index = reader.index();
        this.tree = reader.tree();
        this.bytes = index.file().bytes();
        this.id = index.idSize();
    }

    // ---- the plan: columns, sort keys, grouping ----------------------------------------------

    private static final class Plan {
        Ast.Query q;
        String alias;
        boolean objectRows;
        List<String> columns;
        List<Expr> visible = new ArrayList<>();
        List<Expr> hidden = new ArrayList<>();
        int[] sortColumn;
        boolean[] descending;
        boolean grouped;
        List<Expr> keys = List.of();
        List<Ast.Call> aggregates = new ArrayList<>();
        /** Grouped only: an expression computed per group: >= 0 a key's index, < 0 aggregate -(i+1). */
        IdentityHashMap<Expr, Integer> slots = new IdentityHashMap<>();
        Map<String, Integer> columnIndex = new LinkedHashMap<>();
    }

    private Plan plan(Ast.Query q) {
        Plan p = new Plan();
        p.q = q;
        p.alias = q.from().alias();
        p.objectRows = q.star() || q.mode() != Ast.Mode.VALUES;
        p.columns = OqlQuery.columns(q);
        for (int i = 0; i < p.columns.size(); i++) {
            p.columnIndex.putIfAbsent(p.columns.get(i).toLowerCase(Locale.ROOT), i);
        }
        if (!p.objectRows) {
            for (Ast.Item i : q.items()) {
                p.visible.add(i.expr());
            }
        }
        int visibleCount = p.columns.size();
        p.sortColumn = new int[q.orderBy().size()];
        p.descending = new boolean[q.orderBy().size()];
        for (int k = 0; k < q.orderBy().size(); k++) {
            Ast.Order o = q.orderBy().get(k);
            p.descending[k] = o.descending();
            int col = -1;
            if (o.expr() instanceof Ast.Literal l && l.value() instanceof Long n && n >= 1 && n <= visibleCount) {
                col = (int) (n - 1);
            } else if (o.expr() instanceof Ast.Name n && p.columnIndex.containsKey(n.name().toLowerCase(Locale.ROOT))) {
                col = p.columnIndex.get(n.name().toLowerCase(Locale.ROOT));
            } else if (!p.objectRows) {
                for (int i = 0; i < q.items().size(); i++) {
                    if (norm(q.items().get(i).expr().text()).equals(norm(o.expr().text()))) {
                        col = i;
                        break;
                    }
                }
            }
            if (col < 0) {
                p.hidden.add(o.expr());
                col = visibleCount + p.hidden.size() - 1;
            }
            p.sortColumn[k] = col;
        }
        boolean aggregates = p.visible.stream().anyMatch(dev.inquest.heap.oql.Parser::hasAggregate);
        p.grouped = !q.groupBy().isEmpty() || aggregates;
        if (p.grouped) {
            p.keys = q.groupBy();
            for (Expr e : p.visible) {
                compileGrouped(p, e);
            }
            for (Expr e : p.hidden) {
                compileGrouped(p, e);
            }
            if (q.having() != null) {
                compileGrouped(p, q.having());
            }
        }
        return p;
    }

    private static String norm(String text) {
        return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** Checks that a grouped query can compute {@code e} per group, and notes which parts are keys and aggregates. */
    private static void compileGrouped(Plan p, Expr e) {
        for (int k = 0; k < p.keys.size(); k++) {
            if (norm(p.keys.get(k).text()).equals(norm(e.text()))) {
                p.slots.put(e, k);
                return;
            }
        }
        switch (e) {
            case Ast.Call c when c.fn().aggregate() -> {
                int i = -1;
                for (int a = 0; a < p.aggregates.size(); a++) {
                    if (norm(p.aggregates.get(a).text()).equals(norm(c.text()))) {
                        i = a;
                    }
                }
                if (i < 0) {
                    p.aggregates.add(c);
                    i = p.aggregates.size() - 1;
                }
                p.slots.put(e, -(i + 1));
            }
            case Ast.Literal l -> {
            }
            case Ast.Name n when p.columnIndex.containsKey(n.name().toLowerCase(Locale.ROOT)) -> {
            }
            case Ast.Call c -> c.args().forEach(a -> compileGrouped(p, a));
            case Ast.Unary u -> compileGrouped(p, u.operand());
            case Ast.Binary b -> {
                compileGrouped(p, b.left());
                compileGrouped(p, b.right());
            }
            case Ast.Like l -> compileGrouped(p, l.operand());
            case Ast.In in when in.values() != null -> {
                compileGrouped(p, in.operand());
                in.values().forEach(v -> compileGrouped(p, v));
            }
            default -> throw new Unresolved(e.pos(), "'" + e.text() + "' is neither a GROUP BY expression nor inside"
                    + " an aggregate (count, sum, min, max, avg)");
        }
    }

    // ---- running ---------------------------------------------------------------------------

    OqlResult run(Ast.Query q, long callerLimit, Consumer<OqlRow> onRow) {
        return run(q, callerLimit, onRow, true);
    }

    /** {@code keep} false: rows go to {@code onRow} only, and the answer holds none (a result of millions of rows streamed). */
    OqlResult run(Ast.Query q, long callerLimit, Consumer<OqlRow> onRow, boolean keep) {
        Plan p = plan(q);
        long limit = q.limit() < 0 ? callerLimit : callerLimit < 0 ? q.limit() : Math.min(q.limit(), callerLimit);
        List<Chunk> chunks = source(q.from());
        long total = 0;
        for (Chunk c : chunks) {
            total += c.to() - c.from();
        }
        progress.phase("Running the query", total, Progress.Unit.ITEMS);
        Sink sink = new Sink(p, limit, onRow, keep);
        if (p.grouped) {
            grouped(p, chunks, sink);
        } else if (q.mode() == Ast.Mode.RETAINED_SET) {
            retainedSet(p, chunks, sink);
        } else if (p.sortColumn.length > 0) {
            List<Row> all = new ArrayList<>();
            parallel(chunks, c -> rows(p, c), rows -> {
                all.addAll(rows);
                return true;
            });
            sink.sortedFrom(all);
        } else {
            parallel(chunks, c -> rows(p, c), sink::acceptAll);
        }
        return new OqlResult(p.columns, List.copyOf(sink.out), sink.more, listsCut.get(), sink.count);
    }

    /** Applies DISTINCT and the limit, converts cells, and passes rows on. */
    private final class Sink {
        final Plan p;
        final long limit;
        final Consumer<OqlRow> onRow;
        final boolean keep;
        final List<OqlRow> out = new ArrayList<>();
        final Set<Object> seen = new HashSet<>();
        long count;
        boolean more;

        Sink(Plan p, long limit, Consumer<OqlRow> onRow, boolean keep) {
            this.p = p;
            this.limit = limit;
            this.onRow = onRow;
            this.keep = keep;
        }

        /** False once the limit is reached (the scan may stop). */
        boolean acceptAll(List<Row> rows) {
            for (Row r : rows) {
                if (!accept(r)) {
                    return false;
                }
            }
            return true;
        }

        boolean accept(Row r) {
            int n = p.columns.size();
            if (p.q.distinct()) {
                Object key = p.objectRows ? (Object) r.node() : Arrays.asList(Arrays.copyOf(r.values(), n));
                if (!seen.add(key)) {
                    return true;
                }
            }
            if (limit >= 0 && count >= limit) {
                more = true;
                return false;
            }
            List<Object> cells = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                cells.add(cell(r.values()[i]));
            }
            OqlRow row = new OqlRow(r.node(), java.util.Collections.unmodifiableList(cells));
            count++;
            if (keep) {
                out.add(row);
            }
            if (onRow != null) {
                onRow.accept(row);
            }
            return true;
        }

        void sortedFrom(List<Row> all) {
            if (p.sortColumn.length > 0) {
                Comparator<Row> cmp = null;
                for (int k = 0; k < p.sortColumn.length; k++) {
                    int col = p.sortColumn[k];
                    Comparator<Row> c = (a, b) -> order(a.values()[col], b.values()[col]);
                    if (p.descending[k]) {
                        Comparator<Row> asc = c;
                        // Nulls stay last either way.
                        c = (a, b) -> a.values()[col] == null || b.values()[col] == null ? asc.compare(a, b) : -asc.compare(a, b);
                    }
                    cmp = cmp == null ? c : cmp.thenComparing(c);
                }
                all.sort(cmp);
            }
            for (Row r : all) {
                if (!accept(r)) {
                    break;
                }
            }
        }
    }

    /** Runs {@code work} on every chunk on all cores; {@code emit} sees the results in chunk order and may stop the scan. */
    private <R> void parallel(List<Chunk> chunks, Function<Chunk, R> work, java.util.function.Predicate<R> emit) {
        int n = chunks.size();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n));
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Object[] done = new Object[n];
        int[] emitted = {0};
        long[] processed = {0};
        Object lock = new Object();
        Runnable worker = () -> {
            while (!stop.get()) {
                int i = next.getAndIncrement();
                if (i >= n) {
                    return;
                }
                try {
                    if (progress.isCancelled()) {
                        stop.set(true);
                        return;
                    }
                    R r = work.apply(chunks.get(i));
                    synchronized (lock) {
                        done[i] = r;
                        processed[0] += chunks.get(i).to() - chunks.get(i).from();
                        progress.progress(processed[0]);
                        while (emitted[0] < n && done[emitted[0]] != null && !stop.get()) {
                            @SuppressWarnings("unchecked")
                            R x = (R) done[emitted[0]];
                            done[emitted[0]++] = null;
                            if (!emit.test(x)) {
                                stop.set(true);
                            }
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    stop.set(true);
                }
            }
        };
        if (threads == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "inquest-query");
                t.setDaemon(true);
                return t;
            });
            try {
                for (int t = 1; t < threads; t++) {
                    pool.execute(worker);
                }
                worker.run();
            } finally {
                pool.shutdown();
                try {
                    // Waits for slower workers: their chunks are part of the answer. Stopping them after a
                    // second (as this loop did) dropped their rows without a word on a busy machine.
                    while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                        if (progress.isCancelled()) {
                            stop.set(true);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.set(true);
                }
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        if (progress.isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** The rows of one chunk (no grouping): WHERE, then the select list, the objects or their values. */
    private List<Row> rows(Plan p, Chunk c) {
        List<Row> out = new ArrayList<>();
        int hidden = p.hidden.size();
        for (long i = c.from(); i < c.to(); i++) {
            long node = c.nodes().node(i);
            if (!passes(p, node)) {
                continue;
            }
            if (p.q.star()) {
                out.add(objectRow(p, node));
            } else if (p.objectRows) {
                Object v = eval(p.q.items().getFirst().expr(), node, p.alias, null);
                forEachObject(v, o -> out.add(objectRow(p, o)));
            } else {
                Object[] values = new Object[p.visible.size() + hidden];
                for (int k = 0; k < p.visible.size(); k++) {
                    values[k] = eval(p.visible.get(k), node, p.alias, null);
                }
                for (int k = 0; k < hidden; k++) {
                    values[p.visible.size() + k] = eval(p.hidden.get(k), node, p.alias, null);
                }
                out.add(new Row(node, values));
            }
        }
        return out;
    }

    private boolean passes(Plan p, long node) {
        return p.q.where() == null || Boolean.TRUE.equals(eval(p.q.where(), node, p.alias, null));
    }

    private Row objectRow(Plan p, long node) {
        Object[] values = new Object[3 + p.hidden.size()];
        values[0] = new Obj(node);
        values[1] = index.shallowSize(node);
        values[2] = tree.retained(node);
        for (int k = 0; k < p.hidden.size(); k++) {
            values[3 + k] = eval(p.hidden.get(k), node, p.alias, null);
        }
        return new Row(node, values);
    }

    private static void forEachObject(Object v, java.util.function.LongConsumer each) {
        if (v instanceof Obj o) {
            each.accept(o.node());
        } else if (v instanceof List<?> list) {
            for (Object x : list) {
                if (x instanceof Obj o) {
                    each.accept(o.node());
                }
            }
        }
    }

    private void retainedSet(Plan p, List<Chunk> chunks, Sink sink) {
        LongBag selected = new LongBag();
        parallel(chunks, c -> {
            LongBag mine = new LongBag();
            for (long i = c.from(); i < c.to(); i++) {
                long node = c.nodes().node(i);
                if (!passes(p, node)) {
                    continue;
                }
                if (p.q.star()) {
                    mine.add(node);
                } else {
                    forEachObject(eval(p.q.items().getFirst().expr(), node, p.alias, null), mine::add);
                }
            }
            return mine;
        }, bag -> {
            selected.addAll(bag);
            return true;
        });
        long[] set = selected.distinctSorted();
        LongBag retained = new LongBag();
        Reachability.retainedSet(index, tree, set, retained::add, progress);
        long[] nodes = retained.distinctSorted();
        List<Row> rows = new ArrayList<>(nodes.length);
        for (long node : nodes) {
            rows.add(objectRow(p, node));
        }
        sink.sortedFrom(rows);
    }

    // ---- grouping --------------------------------------------------------------------------

    /** count, sum, min, max, avg over one group, mergeable across chunks. */
    private static final class Agg {
        long count;
        long longSum;
        double doubleSum;
        boolean anyDouble;
        Object min;
        Object max;

        void add(Object v, boolean star) {
            if (star) {
                count++;
                return;
            }
            if (v == null) {
                return;
            }
            count++;
            if (v instanceof Long l) {
                longSum += l;
                doubleSum += l;
            } else if (v instanceof Double d) {
                anyDouble = true;
                doubleSum += d;
            } else if (v instanceof Boolean b) {
                longSum += b ? 1 : 0;
                doubleSum += b ? 1 : 0;
            }
            if (v instanceof Long || v instanceof Double || v instanceof String) {
                if (min == null || order(v, min) < 0) {
                    min = v;
                }
                if (max == null || order(v, max) > 0) {
                    max = v;
                }
            }
        }

        void merge(Agg o) {
            count += o.count;
            longSum += o.longSum;
            doubleSum += o.doubleSum;
            anyDouble |= o.anyDouble;
            if (o.min != null && (min == null || order(o.min, min) < 0)) {
                min = o.min;
            }
            if (o.max != null && (max == null || order(o.max, max) > 0)) {
                max = o.max;
            }
        }

        Object value(Ast.Fn fn) {
            return switch (fn) {
                case COUNT -> count;
                case SUM -> anyDouble ? (Object) doubleSum : (Object) longSum;
                case AVG -> count == 0 ? null : doubleSum / count;
                case MIN -> min;
                case MAX -> max;
                default -> null;
            };
        }
    }

    private void grouped(Plan p, List<Chunk> chunks, Sink sink) {
        int nk = p.keys.size();
        int na = p.aggregates.size();
        LinkedHashMap<List<Object>, Agg[]> groups = new LinkedHashMap<>();
        parallel(chunks, c -> {
            LinkedHashMap<List<Object>, Agg[]> mine = new LinkedHashMap<>();
            for (long i = c.from(); i < c.to(); i++) {
                long node = c.nodes().node(i);
                if (!passes(p, node)) {
                    continue;
                }
                Object[] key = new Object[nk];
                for (int k = 0; k < nk; k++) {
                    key[k] = groupKey(eval(p.keys.get(k), node, p.alias, null));
                }
                Agg[] aggs = mine.computeIfAbsent(Arrays.asList(key), x -> newAggs(na));
                for (int a = 0; a < na; a++) {
                    Ast.Call call = p.aggregates.get(a);
                    aggs[a].add(call.star() ? null : eval(call.args().getFirst(), node, p.alias, null), call.star());
                }
            }
            return mine;
        }, mine -> {
            for (Map.Entry<List<Object>, Agg[]> e : mine.entrySet()) {
                Agg[] into = groups.computeIfAbsent(e.getKey(), x -> newAggs(na));
                for (int a = 0; a < na; a++) {
                    into[a].merge(e.getValue()[a]);
                }
            }
            return true;
        });
        if (groups.isEmpty() && nk == 0) {
            groups.put(List.of(), newAggs(na)); // aggregates without GROUP BY: one row, as SQL gives
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<List<Object>, Agg[]> g : groups.entrySet()) {
            Object[] keys = g.getKey().toArray();
            Object[] aggValues = new Object[na];
            for (int a = 0; a < na; a++) {
                aggValues[a] = g.getValue()[a].value(p.aggregates.get(a).fn());
            }
            Group group = new Group(p, keys, aggValues, null);
            int nv = p.visible.size();
            Object[] values = new Object[nv + p.hidden.size()];
            for (int k = 0; k < nv; k++) {
                values[k] = eval(p.visible.get(k), -1, p.alias, group);
            }
            Group withColumns = new Group(p, keys, aggValues, values);
            if (p.q.having() != null && !Boolean.TRUE.equals(eval(p.q.having(), -1, p.alias, withColumns))) {
                continue;
            }
            for (int k = 0; k < p.hidden.size(); k++) {
                values[nv + k] = eval(p.hidden.get(k), -1, p.alias, withColumns);
            }
            rows.add(new Row(-1, values));
        }
        sink.sortedFrom(rows);
    }

    private static Agg[] newAggs(int n) {
        Agg[] a = new Agg[n];
        for (int i = 0; i < n; i++) {
            a[i] = new Agg();
        }
        return a;
    }

    /** Keys compare by value: an integral double groups with the same long. */
    private static Object groupKey(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e18) {
            return d.longValue();
        }
        return v;
    }

    /** One group's keys and aggregates (and, for HAVING and ORDER BY, its cells). */
    private record Group(Plan p, Object[] keys, Object[] aggs, Object[] columns) {
    }

    // ---- FROM ------------------------------------------------------------------------------

    private List<Chunk> source(Ast.From f) {
        List<Nodes> parts = new ArrayList<>();
        switch (f.kind()) {
            case CLASS, REGEX -> {
                List<ClassInfo> classes = new ArrayList<>();
                for (ClassInfo c : index.classes()) {
                    boolean match = f.kind() == Ast.SourceKind.CLASS ? c.name().equals(f.name()) : f.regex().matcher(c.name()).matches();
                    if (match) {
                        classes.add(c);
                    }
                }
                if (classes.isEmpty() && f.kind() == Ast.SourceKind.CLASS) {
                    throw new Unresolved(f.pos(), "no class " + f.name() + " in this dump");
                }
                if (f.instanceOf()) {
                    classes = subclasses(classes);
                }
                addClasses(parts, classes, f.objects());
            }
            case ADDRESS, OBJECT_ID -> {
                long node = f.kind() == Ast.SourceKind.ADDRESS ? index.node(f.number())
                        : f.number() >= 0 && f.number() < index.nodeCount() ? f.number() : -1;
                if (node < 0) {
                    throw new Unresolved(f.pos(), "no object " + (f.kind() == Ast.SourceKind.ADDRESS ? "at " : "with id ")
                            + f.name() + " in this dump");
                }
                ClassInfo described = index.classDescribedBy(node);
                if (described != null && !f.objects()) {
                    List<ClassInfo> classes = List.of(described);
                    addClasses(parts, f.instanceOf() ? subclasses(classes) : classes, false);
                } else {
                    parts.add(array(new long[] {node}));
                }
            }
            case SUBQUERY -> {
                OqlResult inner = new OqlEngine(dump, progress).run(f.sub(), -1, null);
                LongBag nodes = new LongBag();
                for (OqlRow r : inner.rows()) {
                    if (f.sub().star() || f.sub().mode() != Ast.Mode.VALUES) {
                        nodes.add(r.node());
                    } else {
                        Object v = r.values().getFirst();
                        if (v instanceof ObjectBrief b) {
                            nodes.add(b.node());
                        } else if (v instanceof List<?> list) {
                            for (Object x : list) {
                                if (x instanceof ObjectBrief b) {
                                    nodes.add(b.node());
                                }
                            }
                        } else if (v != null) {
                            throw new Unresolved(f.pos(), "the sub-select after FROM must return objects, not "
                                    + describe(v));
                        }
                    }
                }
                parts.add(array(nodes.toArray()));
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        for (Nodes n : parts) {
            for (long from = 0; from < n.size(); from += CHUNK) {
                chunks.add(new Chunk(n, from, Math.min(n.size(), from + CHUNK)));
            }
        }
        return chunks;
    }

    private List<ClassInfo> subclasses(List<ClassInfo> roots) {
        List<ClassInfo> out = new ArrayList<>();
        for (ClassInfo c : index.classes()) {
            for (ClassInfo r : roots) {
                if (reader.isA(c, r.name())) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    private void addClasses(List<Nodes> parts, List<ClassInfo> classes, boolean classObjects) {
        if (classObjects) {
            LongBag nodes = new LongBag();
            for (ClassInfo c : classes) {
                long n = index.classNode(c.ordinal());
                if (n >= 0) {
                    nodes.add(n);
                }
            }
            parts.add(array(nodes.toArray()));
            return;
        }
        ClassInstances ci = ClassInstances.of(dump, progress);
        for (ClassInfo c : classes) {
            parts.add(range(ci, c.ordinal()));
            if (c.name().equals("java.lang.Class")) {
                parts.add(range(ci, ci.classObjects())); // class objects are indexed apart
            }
        }
    }

    private static Nodes range(ClassInstances ci, int slot) {
        long begin = ci.begin(slot);
        long size = ci.end(slot) - begin;
        return new Nodes() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public long node(long i) {
                return ci.node(begin + i);
            }
        };
    }

    private static Nodes array(long[] nodes) {
        return new Nodes() {
            @Override
            public long size() {
                return nodes.length;
            }

            @Override
            public long node(long i) {
                return nodes[(int) i];
            }
        };
    }

    // ---- expressions -----------------------------------------------------------------------

    /**
     * The value of {@code e} for the object {@code node} (named {@code alias}), or for one group.
     * Recurses on the expression's depth, which the parser caps.
     */
    Object eval(Expr e, long node, String alias, Group g) {
        if (g != null) {
            Integer slot = g.p().slots.get(e);
            if (slot != null) {
                return slot >= 0 ? g.keys()[slot] : g.aggs()[-slot - 1];
            }
        }
        return switch (e) {
            case Ast.Literal l -> l.value();
            case Ast.Name n -> {
                if (g != null) {
                    Integer col = g.p().columnIndex.get(n.name().toLowerCase(Locale.ROOT));
                    yield col != null && g.columns() != null ? g.columns()[col] : null;
                }
                if (alias != null && n.name().equals(alias)) {
                    yield node < 0 ? null : new Obj(node);
                }
                yield node < 0 ? null : field(node, n.name());
            }
            case Ast.Field f -> eval(f.target(), node, alias, g) instanceof Obj o ? field(o.node(), f.field()) : null;
            case Ast.Attribute a -> {
                Object t = a.target() == null ? (node < 0 ? null : new Obj(node)) : eval(a.target(), node, alias, g);
                yield t instanceof Obj o ? attribute(o.node(), a.attr()) : null;
            }
            case Ast.Index x -> {
                Object t = eval(x.target(), node, alias, g);
                Object i = eval(x.index(), node, alias, g);
                if (!(i instanceof Long k)) {
                    yield null;
                }
                if (t instanceof List<?> list) {
                    yield k >= 0 && k < list.size() ? list.get((int) (long) k) : null;
                }
                yield t instanceof Obj o ? element(o.node(), k) : null;
            }
            case Ast.Call c -> call(c, node, alias, g);
            case Ast.Unary u -> {
                Object v = eval(u.operand(), node, alias, g);
                if (u.op().equals("NOT")) {
                    yield v instanceof Boolean b ? !b : null;
                }
                yield v instanceof Long l ? (Object) (-l) : v instanceof Double d ? (Object) (-d) : null;
            }
            case Ast.Binary b -> binary(b, node, alias, g);
            case Ast.Like l -> {
                Object v = eval(l.operand(), node, alias, g);
                String s = v instanceof Obj o ? text(o.node()) : v == null ? null : String.valueOf(v);
                yield s == null ? Boolean.FALSE : l.pattern().matcher(s).matches() != l.not();
            }
            case Ast.In in -> in(in, node, alias, g);
        };
    }

    private Object binary(Ast.Binary b, long node, String alias, Group g) {
        String op = b.op();
        if (op.equals("AND")) {
            return Boolean.TRUE.equals(eval(b.left(), node, alias, g)) && Boolean.TRUE.equals(eval(b.right(), node, alias, g));
        }
        if (op.equals("OR")) {
            return Boolean.TRUE.equals(eval(b.left(), node, alias, g)) || Boolean.TRUE.equals(eval(b.right(), node, alias, g));
        }
        Object l = eval(b.left(), node, alias, g);
        Object r = eval(b.right(), node, alias, g);
        switch (op) {
            case "=" -> {
                return same(l, r);
            }
            case "!=" -> {
                return !same(l, r);
            }
            case "<", "<=", ">", ">=" -> {
                Integer c = compare(l, r);
                if (c == null) {
                    return Boolean.FALSE;
                }
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
            default -> {
                return arithmetic(op, l, r);
            }
        }
    }

    private static Object arithmetic(String op, Object l, Object r) {
        if (op.equals("+") && (l instanceof String || r instanceof String)) {
            return String.valueOf(l) + r;
        }
        if (l instanceof Boolean || r instanceof Boolean || !(l instanceof Number a) || !(r instanceof Number c)) {
            return null;
        }
        if (op.equals("/")) {
            return c.doubleValue() == 0 ? null : a.doubleValue() / c.doubleValue();
        }
        if (a instanceof Long x && c instanceof Long y) {
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                default -> x * y;
            };
        }
        double x = a.doubleValue();
        double y = c.doubleValue();
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            default -> x * y;
        };
    }

    private Object in(Ast.In in, long node, String alias, Group g) {
        Object v = eval(in.operand(), node, alias, g);
        boolean found = false;
        if (in.values() != null) {
            for (Expr x : in.values()) {
                if (same(v, eval(x, node, alias, g))) {
                    found = true;
                    break;
                }
            }
        } else if (in.sub() != null) {
            Set<Object> set = subResults.computeIfAbsent(in, k -> subValues(k.sub()));
            found = set.contains(v instanceof Obj || v instanceof String ? v : groupKey(v));
        } else {
            Object list = eval(in.listExpr(), node, alias, g);
            if (list instanceof List<?> items) {
                for (Object x : items) {
                    if (same(v, x)) {
                        found = true;
                        break;
                    }
                }
            }
        }
        return found != in.not();
    }

    /** A sub-select's objects (or first column's values) as a set, computed once per query. */
    private Set<Object> subValues(Ast.Query sub) {
        OqlResult r = new OqlEngine(dump, progress).run(sub, -1, null);
        Set<Object> out = new HashSet<>();
        for (OqlRow row : r.rows()) {
            Object v = sub.star() || sub.mode() != Ast.Mode.VALUES ? new Obj(row.node()) : row.values().getFirst();
            if (v instanceof ObjectBrief b) {
                v = new Obj(b.node());
            }
            out.add(groupKey(v));
        }
        return out;
    }

    private Object call(Ast.Call c, long node, String alias, Group g) {
        if (c.fn().aggregate()) {
            return null; // only reachable through a group's slot
        }
        if (c.fn() == Ast.Fn.DUMPTIME) {
            java.time.Instant at = dump.takenAt();
            return at == null ? null : at.toEpochMilli(); // a header without a time: null, as a missing field
        }
        Object v = eval(c.args().getFirst(), node, alias, g);
        return switch (c.fn()) {
            case TO_STRING -> v instanceof Obj o ? text(o.node()) : v == null ? null : String.valueOf(v);
            case TO_HEX -> v instanceof Long l ? "0x" + Long.toHexString(l) : v instanceof Obj o ? "0x" + Long.toHexString(index.address(o.node())) : null;
            case CLASSOF -> v instanceof Obj o ? classObject(o.node()) : null;
            case DOMINATOROF -> {
                if (!(v instanceof Obj o)) {
                    yield null;
                }
                long d = tree.idom(o.node());
                yield d >= 0 ? new Obj(d) : null;
            }
            case DOMINATORS -> {
                if (!(v instanceof Obj o)) {
                    yield null;
                }
                long n = tree.childCount(o.node());
                List<Object> out = new ArrayList<>((int) Math.min(n, OqlQuery.MAX_LIST));
                for (long i = 0; i < n && cap(out); i++) {
                    out.add(new Obj(tree.child(o.node(), i)));
                }
                yield out;
            }
            case OUTBOUNDS -> {
                if (!(v instanceof Obj o)) {
                    yield null;
                }
                List<Object> out = new ArrayList<>();
                for (long e = index.edgeStart(o.node()); e < index.edgeEnd(o.node()) && cap(out); e++) {
                    out.add(new Obj(index.edgeTarget(e)));
                }
                yield out;
            }
            case INBOUNDS -> {
                if (!(v instanceof Obj o)) {
                    yield null;
                }
                var in = DumpInternals.of(dump).inboundEdges(progress);
                List<Object> out = new ArrayList<>();
                for (long i = in.inboundStart(o.node()); i < in.inboundEnd(o.node()) && cap(out); i++) {
                    out.add(new Obj(in.source(i)));
                }
                yield out;
            }
            default -> null;
        };
    }

    private boolean cap(List<Object> out) {
        if (out.size() < OqlQuery.MAX_LIST) {
            return true;
        }
        listsCut.set(true);
        return false;
    }

    private Object classObject(long node) {
        long c = index.classNode(index.classOrdinal(node));
        return c >= 0 ? new Obj(c) : null;
    }

    private Object attribute(long node, Ast.Attr a) {
        return switch (a) {
            case OBJECT_ID -> node;
            case OBJECT_ADDRESS -> index.address(node);
            case CLASS, CLAZZ -> classObject(node);
            case USED_HEAP_SIZE -> index.shallowSize(node);
            case RETAINED_HEAP_SIZE -> tree.retained(node);
            case DISPLAY_NAME -> displayName(node);
            case LENGTH -> {
                long n = reader.arrayLength(node);
                yield n < 0 ? null : (Object) n;
            }
        };
    }

    private String displayName(long node) {
        return dump.className(node) + " @ 0x" + Long.toHexString(index.address(node));
    }

    /** toString(): a String's text, a boxed primitive's value, a class's name, else the display name. */
    private String text(long node) {
        ClassInfo c = index.classOf(node);
        String name = c.name();
        if (name.equals("java.lang.String")) {
            return dump.stringValue(node, 1 << 20);
        }
        if (index.classDescribedBy(node) != null) {
            return dump.className(node);
        }
        if (name.startsWith("java.lang.") && switch (name.substring(10)) {
            case "Integer", "Long", "Short", "Byte", "Character", "Boolean", "Float", "Double" -> true;
            default -> false;
        }) {
            Object v = field(node, "value");
            return v == null ? null : String.valueOf(v);
        }
        return displayName(node);
    }

    /** A field of an instance, or a static field of a class object; null when there is none. */
    private Object field(long node, String name) {
        long off = index.recordOffset(node);
        if (off < 0) {
            return null;
        }
        int tag = bytes.u1(off);
        if (tag == Tags.INSTANCE_DUMP) {
            ClassInfo c = index.classOf(node);
            int i = reader.fieldIndex(c, name);
            if (i < 0) {
                return null;
            }
            int type = c.fieldTypes()[i];
            int at = c.fieldOffsets()[i];
            if (at + Tags.size(type, id) > bytes.u4unsigned(RecordLayout.instanceLengthAt(off, id))) {
                return null;
            }
            return primitive(type, RecordLayout.instanceFieldsAt(off, id) + at);
        }
        if (tag == Tags.CLASS_DUMP) {
            for (FieldValue f : dump.fields(node)) {
                if (f.isStatic() && f.name().equals(name)) {
                    if (f.reference()) {
                        long a = (Long) f.value();
                        long t = a == 0 ? -1 : index.node(a);
                        return t < 0 ? null : new Obj(t);
                    }
                    Object v = f.value();
                    return v instanceof Integer || v instanceof Short || v instanceof Byte ? (Object) ((Number) v).longValue()
                            : v instanceof Float fl ? (Object) fl.doubleValue() : v instanceof Character ch ? String.valueOf(ch) : v;
                }
            }
        }
        return null;
    }

    /** A value of {@code type} at {@code at} in the dump: Long, Double, Boolean, a one-char String or an object. */
    private Object primitive(int type, long at) {
        return switch (type) {
            case Tags.T_OBJECT -> {
                long a = bytes.id(at, id);
                long t = a == 0 ? -1 : index.node(a);
                yield t < 0 ? null : new Obj(t);
            }
            case Tags.T_BOOLEAN -> bytes.u1(at) != 0;
            case Tags.T_BYTE -> (long) (byte) bytes.u1(at);
            case Tags.T_CHAR -> String.valueOf((char) bytes.u2(at));
            case Tags.T_SHORT -> (long) (short) bytes.u2(at);
            case Tags.T_INT -> (long) bytes.u4(at);
            case Tags.T_LONG -> bytes.u8(at);
            case Tags.T_FLOAT -> (double) Float.intBitsToFloat(bytes.u4(at));
            case Tags.T_DOUBLE -> Double.longBitsToDouble(bytes.u8(at));
            default -> null;
        };
    }

    /** {@code a[i]} of an object or primitive array; null out of bounds or for other objects. */
    private Object element(long node, long i) {
        long off = index.recordOffset(node);
        if (off < 0 || i < 0) {
            return null;
        }
        int tag = bytes.u1(off);
        if (tag != Tags.OBJ_ARRAY_DUMP && tag != Tags.PRIM_ARRAY_DUMP) {
            return null;
        }
        long len = bytes.u4unsigned(RecordLayout.arrayLengthAt(off, id));
        if (i >= len) {
            return null;
        }
        if (tag == Tags.OBJ_ARRAY_DUMP) {
            return primitive(Tags.T_OBJECT, RecordLayout.objArrayElementsAt(off, id) + i * id);
        }
        int type = bytes.u1(RecordLayout.primArrayTypeAt(off, id));
        return primitive(type, RecordLayout.primArrayDataAt(off, id) + i * Tags.size(type, id));
    }

    // ---- values ----------------------------------------------------------------------------

    /** Equality as OQL means it: numbers by value, an object against a string by its text, null only with null. */
    private boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Obj x && b instanceof String s) {
            return s.equals(text(x.node()));
        }
        if (b instanceof Obj x && a instanceof String s) {
            return s.equals(text(x.node()));
        }
        Integer c = compare(a, b);
        return c != null ? c == 0 : a.equals(b);
    }

    /** Ordering of two comparable values (numbers, strings, booleans, objects by text against a string), or null. */
    private Integer compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x instanceof Long l && y instanceof Long m ? Long.compare(l, m) : Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Obj x && b instanceof String) {
            a = text(x.node());
        }
        if (b instanceof Obj y && a instanceof String) {
            b = text(y.node());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof Obj x && b instanceof Obj y) {
            return Long.compare(x.node(), y.node());
        }
        return null;
    }

    /** A total order for sorting: nulls last, then numbers, strings, booleans, objects, lists. */
    static int order(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (a) {
            case null -> 0;
            case Long l when b instanceof Long m -> Long.compare(l, m);
            case Number x -> Double.compare(x.doubleValue(), ((Number) b).doubleValue());
            case String s -> s.compareTo((String) b);
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            case Obj o -> Long.compare(o.node(), ((Obj) b).node());
            case List<?> l -> Integer.compare(l.size(), ((List<?>) b).size());
            default -> 0;
        };
    }

    private static int rank(Object v) {
        return switch (v) {
            case null -> 9;
            case Number n -> 0;
            case String s -> 1;
            case Boolean b -> 2;
            case Obj o -> 3;
            default -> 4;
        };
    }

    private Object cell(Object v) {
        if (v instanceof Obj o) {
            return ObjectBrief.of(reader, o.node());
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object x : list) {
                out.add(cell(x));
            }
            return java.util.Collections.unmodifiableList(out);
        }
        return v;
    }

    private static String describe(Object v) {
        return v instanceof String ? "text" : v instanceof Boolean ? "a boolean" : v instanceof Number ? "a number" : "values";
    }

    /** A growable list of longs (node numbers), without boxing. */
    static final class LongBag {
        private long[] a = new long[16];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = v;
        }

        void addAll(LongBag o) {
            for (int i = 0; i < o.n; i++) {
                add(o.a[i]);
            }
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }

        long[] distinctSorted() {
            long[] s = toArray();
            Arrays.sort(s);
            int m = 0;
            for (int i = 0; i < s.length; i++) {
                if (i == 0 || s[i] != s[i - 1]) {
                    s[m++] = s[i];
                }
            }
            return Arrays.copyOf(s, m);
        }
    }
}
