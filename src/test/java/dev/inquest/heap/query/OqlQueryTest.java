package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.heap.model.FieldValue;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The query language on a real dump ({@code OqlShapes}): the questions, the MAT examples we
 * claim, each checked against figures read another way (the dump's own field reader, retained and
 * shallow sizes, instance lists); syntax errors with their positions; streaming and cancelling.
 */
@Tag("slow")
class OqlQueryTest {
    private static HeapDump dump;

    @BeforeAll
    static void open() throws Exception {
        dump = HeapDump.open(OqlDump.path(), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }

    @AfterAll
    static void close() {
        dump.close();
    }

    private static OqlResult run(String q) throws QuerySyntaxError {
        return OqlQuery.parse(q).run(dump, -1, null, Progress.NONE);
    }

    private static List<Object> column(OqlResult r, int i) {
        List<Object> out = new ArrayList<>();
        for (OqlRow row : r.rows()) {
            out.add(row.values().get(i));
        }
        return out;
    }

    private static FieldValue field(long node, String name) {
        return dump.fields(node).stream().filter(f -> f.name().equals(name) && !f.isStatic()).findFirst().orElseThrow();
    }

    private static long ref(long node, String name) {
        return dump.node((Long) field(node, name).value());
    }

    private static List<Long> instances(String cls) {
        return dump.reachableInstances(cls, Progress.NONE);
    }

    // ---- the questions ---------------------------------------------------------------

    @Test
    void everyHashMapWithMoreThanAThousandEntries() throws Exception {
        OqlResult r = run("SELECT m, m.size AS entries, m.@retainedHeapSize FROM java.util.HashMap m"
                + " WHERE m.size > 1000 ORDER BY entries DESC");
        assertThat(r.columns()).containsExactly("m", "entries", "m.@retainedHeapSize");
        assertThat(column(r, 1)).containsExactly(2500L, 1500L);
        for (OqlRow row : r.rows()) {
            ObjectBrief m = (ObjectBrief) row.values().get(0);
            assertThat(m.node()).isEqualTo(row.node());
            assertThat(m.className()).isEqualTo("java.util.HashMap");
            assertThat(row.values().get(2)).isEqualTo(dump.retained(row.node()));
            assertThat(((Number) field(row.node(), "size").value()).longValue()).isEqualTo(row.values().get(1));
        }
    }

    @Test
    void customerNamesOccurringMoreThanAHundredTimes() throws Exception {
        OqlResult r = run("SELECT toString(o.customer) AS customer, count(*) AS n FROM OqlShapes$Order o"
                + " GROUP BY toString(o.customer) HAVING count(*) > 100 ORDER BY n DESC");
        assertThat(r.columns()).containsExactly("customer", "n");
        assertThat(r.rows()).extracting(OqlRow::values)
                .containsExactly(List.of("cust-alice", 120L), List.of("cust-carol", 101L));
        assertThat(r.rows()).allSatisfy(row -> assertThat(row.node()).isEqualTo(-1));
    }

    @Test
    void retainedSizeOfOpenConnectionsGroupedByPool() throws Exception {
        OqlResult r = run("SELECT toString(c.pool.name) AS pool, count(*) AS n, sum(c.@retainedHeapSize) AS retained,"
                + " min(c.buffer.@length), max(c.buffer.@length), avg(c.@usedHeapSize)"
                + " FROM OqlShapes$Connection c WHERE c.closed = false GROUP BY toString(c.pool.name) ORDER BY pool");
        Map<String, long[]> expected = new HashMap<>(); // pool -> count, retained, shallow sum
        for (long c : instances("OqlShapes$Connection")) {
            if ((Boolean) field(c, "closed").value()) {
                continue;
            }
            String pool = dump.stringValue(ref(ref(c, "pool"), "name"), 100);
            long[] e = expected.computeIfAbsent(pool, k -> new long[3]);
            e[0]++;
            e[1] += dump.retained(c);
            e[2] += dump.shallow(c);
        }
        assertThat(expected.get("poolA")[0]).isEqualTo(3);
        assertThat(expected.get("poolB")[0]).isEqualTo(4);
        assertThat(column(r, 0)).containsExactly("poolA", "poolB");
        for (OqlRow row : r.rows()) {
            long[] e = expected.get((String) row.values().get(0));
            assertThat(row.values().get(1)).isEqualTo(e[0]);
            assertThat(row.values().get(2)).isEqualTo(e[1]);
            assertThat((Double) row.values().get(5)).isEqualTo((double) e[2] / e[0]);
        }
        assertThat(r.rows().get(0).values().subList(3, 5)).containsExactly(1000L, 1000L);
        assertThat(r.rows().get(1).values().subList(3, 5)).containsExactly(2000L, 2000L);
        // Each open connection retains itself and its buffer, nothing more (the pools are shared).
        long bufferA = dump.shallow(ref(instances("OqlShapes$Connection").getFirst(), "buffer"));
        assertThat(r.rows().get(0).values().get(2)).isEqualTo(3 * (dump.shallow(instances("OqlShapes$Connection").getFirst()) + bufferA));
    }

    @Test
    void sessionsOlderThanTheDumpByAnHour() throws Exception {
        long taken = dump.takenAt().toEpochMilli();
        OqlResult old = run("SELECT s, s.lastAccess AS last FROM OqlShapes$Session s WHERE s.lastAccess < dumptime() - 3600000");
        assertThat(old.rows()).hasSize(2)
                .allSatisfy(r -> assertThat((Long) r.values().get(1)).isLessThan(taken - 3_600_000L));
        OqlResult all = run("SELECT dumptime() AS taken, s.lastAccess FROM OqlShapes$Session s ORDER BY 2");
        assertThat(all.rows()).hasSize(3).allSatisfy(r -> assertThat(r.values().getFirst()).isEqualTo(taken));
        assertThat((Long) all.rows().getLast().values().get(1)).isGreaterThan(taken - 3_600_000L);
        assertThatThrownBy(() -> OqlQuery.parse("SELECT dumptime(1) FROM OqlShapes$Session s"))
                .isInstanceOf(QuerySyntaxError.class).hasMessageContaining("dumptime takes 0 arguments, not 1");
    }

    // ---- MAT's documented forms ----------------------------------------------------------------

    @Test
    void fromClassInstanceofAndRegex() throws Exception {
        assertThat(run("SELECT * FROM OqlShapes$Derived").rows()).hasSize(3);
        assertThat(run("select * from OqlShapes$Base").rows()).hasSize(2);
        OqlResult all = run("SELECT * FROM INSTANCEOF OqlShapes$Base");
        assertThat(all.columns()).containsExactly("object", "shallow", "retained");
        assertThat(all.rows()).hasSize(5);
        Set<Long> expected = new HashSet<>(instances("OqlShapes$Base"));
        expected.addAll(instances("OqlShapes$Derived"));
        assertThat(all.rows()).extracting(OqlRow::node).containsExactlyInAnyOrderElementsOf(expected);
        for (OqlRow row : all.rows()) {
            assertThat(row.values().get(1)).isEqualTo(dump.shallow(row.node()));
            assertThat(row.values().get(2)).isEqualTo(dump.retained(row.node()));
        }
        assertThat(run("SELECT * FROM \"OqlShapes\\$(Pool|Order)\"").rows()).hasSize(2 + 271);
        OqlResult classes = run("SELECT * FROM OBJECTS OqlShapes$Pool");
        assertThat(classes.rows()).hasSize(1);
        assertThat(((ObjectBrief) classes.rows().getFirst().values().getFirst()).className()).isEqualTo("class OqlShapes$Pool");
    }

    @Test
    void attributesAndFunctions() throws Exception {
        long c = instances("OqlShapes$Connection").getFirst();
        long address = dump.address(c);
        OqlResult r = run("SELECT c.@objectId, c.@objectAddress, toHex(c.@objectAddress), c.@usedHeapSize, c.@retainedHeapSize,"
                + " c.@displayName, classof(c), c.@class, c.@clazz, c.buffer.@length, dominatorof(c.buffer), outbounds(c),"
                + " dominators(c) FROM 0x" + Long.toHexString(address) + " c");
        assertThat(r.rows()).hasSize(1);
        List<Object> v = r.rows().getFirst().values();
        assertThat(v.get(0)).isEqualTo(c);
        assertThat(v.get(1)).isEqualTo(address);
        assertThat(v.get(2)).isEqualTo("0x" + Long.toHexString(address));
        assertThat(v.get(3)).isEqualTo(dump.shallow(c));
        assertThat(v.get(4)).isEqualTo(dump.retained(c));
        assertThat(v.get(5)).isEqualTo("OqlShapes$Connection @ 0x" + Long.toHexString(address));
        assertThat(((ObjectBrief) v.get(6)).className()).isEqualTo("class OqlShapes$Connection");
        assertThat(v.get(7)).isEqualTo(v.get(6));
        assertThat(v.get(8)).isEqualTo(v.get(6));
        assertThat(v.get(9)).isEqualTo(1000L);
        assertThat(((ObjectBrief) v.get(10)).node()).isEqualTo(c);
        long buffer = ref(c, "buffer");
        assertThat((List<?>) v.get(11)).extracting(o -> ((ObjectBrief) o).node()).contains(buffer, ref(c, "pool"));
        assertThat((List<?>) v.get(12)).extracting(o -> ((ObjectBrief) o).node()).containsExactly(buffer);

        OqlResult in = run("SELECT inbounds(p) FROM OqlShapes$Pool p");
        // Five connections each, and main's frame, where the pools are still locals.
        assertThat(in.rows()).hasSize(2).allSatisfy(row -> {
            List<?> refs = (List<?>) row.values().getFirst();
            assertThat((long) refs.size()).isEqualTo(dump.inboundCount(row.node(), Progress.NONE));
            assertThat(refs).filteredOn(o -> ((ObjectBrief) o).className().equals("OqlShapes$Connection")).hasSize(5);
        });
    }

    @Test
    void objectsDistinctAndRetainedSet() throws Exception {
        OqlResult buffers = run("SELECT OBJECTS c.buffer FROM OqlShapes$Connection c WHERE c.buffer.@length >= 2000");
        assertThat(buffers.rows()).hasSize(5).allSatisfy(row -> assertThat(((ObjectBrief) row.values().getFirst()).className())
                .isEqualTo("byte[]"));
        assertThat(run("SELECT DISTINCT OBJECTS classof(c) FROM OqlShapes$Connection c").rows()).hasSize(1);
        assertThat(run("SELECT OBJECTS dominators(c) FROM OqlShapes$Connection c").rows()).hasSize(10);
        assertThat(run("SELECT * FROM OqlShapes$Connection c WHERE dominatorof(c.buffer) = c").rows()).hasSize(10);

        OqlResult retained = run("SELECT AS RETAINED SET * FROM OqlShapes$Connection c WHERE c.closed = false");
        assertThat(retained.rows()).hasSize(14); // 7 connections and their 7 buffers
        long sum = 0;
        for (OqlRow row : retained.rows()) {
            sum += dump.shallow(row.node());
        }
        long open = 0;
        for (long c : instances("OqlShapes$Connection")) {
            if (!(Boolean) field(c, "closed").value()) {
                open += dump.retained(c);
            }
        }
        assertThat(sum).isEqualTo(open);
    }

    @Test
    void whereOperatorsPathsAndArrays() throws Exception {
        assertThat(run("SELECT * FROM java.lang.String s WHERE toString(s) LIKE \"cust-al.*\"").rows()).hasSize(120);
        assertThat(run("SELECT * FROM OqlShapes$Order o WHERE toString(o.customer) NOT LIKE \"cust-al.*\"").rows()).hasSize(151);
        assertThat(run("SELECT * FROM OqlShapes$Order o WHERE toString(o.customer) IN (\"cust-bob\", 'cust-carol')").rows()).hasSize(151);
        assertThat(run("SELECT * FROM OqlShapes$Order o WHERE o.customer = \"cust-bob\" OR o.amount < 10").rows()).hasSize(60);
        assertThat(run("SELECT * FROM OqlShapes$Order o WHERE NOT (o.amount >= 10 AND o.amount <= 260)").rows()).hasSize(20);
        assertThat(run("SELECT * FROM OqlShapes$Connection c WHERE c.pool IN (SELECT * FROM OqlShapes$Pool p"
                + " WHERE toString(p.name) = \"poolA\")").rows()).hasSize(5);
        assertThat(run("SELECT DISTINCT * FROM OBJECTS (SELECT OBJECTS c.pool FROM OqlShapes$Connection c) p").rows()).hasSize(2);
        assertThat(run("SELECT * FROM (SELECT * FROM OqlShapes$Connection c WHERE c.closed = true)").rows()).hasSize(3);

        OqlResult top = run("SELECT o.amount, o.amount * 2 + 1 AS odd FROM OqlShapes$Order o ORDER BY o.amount DESC LIMIT 3");
        assertThat(top.rows()).extracting(OqlRow::values)
                .containsExactly(List.of(270L, 541L), List.of(269L, 539L), List.of(268L, 537L));
        assertThat(top.more()).isTrue();

        // A static field of a class object, array indexing and @length.
        OqlResult arr = run("SELECT c.numbers[0], c.numbers[2], c.numbers[3], c.numbers.@length FROM OBJECTS OqlShapes c");
        assertThat(arr.rows()).extracting(OqlRow::values).containsExactly(java.util.Arrays.asList(7L, 9L, null, 3L));
        OqlResult kept = run("SELECT c.keep[4][9].pool.name FROM OBJECTS OqlShapes c");
        assertThat(((ObjectBrief) kept.rows().getFirst().values().getFirst()).className()).isEqualTo("java.lang.String");
        assertThat(run("SELECT toString(c.keep[4][9].pool.name) FROM OBJECTS OqlShapes c").rows().getFirst().values())
                .containsExactly("poolB");
    }

    @Test
    void everyObjectIsAnInstanceOfObject() throws Exception {
        // Class objects are indexed apart from java.lang.Class's other instances; both count once.
        assertThat(run("SELECT count(*) FROM INSTANCEOF java.lang.Object").rows().getFirst().values())
                .containsExactly(dump.summary().objects());
        assertThat(run("SELECT count(*) FROM \".*\"").rows().getFirst().values()).containsExactly(dump.summary().objects());
    }

    @Test
    void aggregatesWithoutGroupByGiveOneRow() throws Exception {
        OqlResult r = run("SELECT count(*), sum(o.amount), min(toString(o.customer)), max(o.amount) FROM OqlShapes$Order o");
        assertThat(r.rows()).extracting(OqlRow::values).containsExactly(List.of(271L, 270L * 271 / 2, "cust-alice", 270L));
        OqlResult none = run("SELECT count(*) FROM OqlShapes$Order o WHERE o.amount > 1000");
        assertThat(none.rows()).extracting(OqlRow::values).containsExactly(List.of(0L));
    }

    // ---- errors ------------------------------------------------------------------------------

    private static void syntax(String q, int offset, String what) {
        assertThatThrownBy(() -> OqlQuery.parse(q).run(dump, -1, null, Progress.NONE))
                .isInstanceOfSatisfying(QuerySyntaxError.class, e -> {
                    assertThat(e.offset()).as(q).isEqualTo(offset);
                    assertThat(e.what()).as(q).contains(what);
                });
    }

    @Test
    void errorsSayWhatAndWhere() {
        syntax("SELECT * FRM java.lang.String", 9, "expected FROM or ',' after the select list, found 'FRM'");
        syntax("SELECT * FROM java.lang.String s WHERE s.@foo > 1", 41, "unknown attribute @foo");
        syntax("SELECT frob(s) FROM java.lang.String s", 7, "unknown function 'frob'");
        syntax("SELECT * FROM java.lang.String s WHERE toString(s) LIKE \"abc", 56, "unterminated string");
        syntax("SELECT * FROM java.lang.String s WHERE toString(s) LIKE \"a(b\"", 60, "bad regular expression");
        syntax("SELECT * FROM no.such.Thing", 14, "no class no.such.Thing in this dump");
        syntax("SELECT * FROM 0x1", 14, "no object at 0x1 in this dump");
        syntax("SELECT * FROM java.lang.String s WHERE", 38, "expected an expression, found the end of the query");
        syntax("SELECT s.count, count(*) FROM java.lang.String s", 7, "neither a GROUP BY expression nor inside an aggregate");
        syntax("SELECT * FROM java.lang.String s LIMIT x", 39, "expected a whole number after LIMIT");
        syntax("SELECT * FROM java.lang.String s WHERE " + "(".repeat(300) + "1", 39 + 200, "nests more than 200 levels");
        syntax("SELECT * FROM java.lang.String s WHERE count(*) > 1", 39, "aggregate cannot be used in WHERE");
    }

    // ---- streaming, limits, cancelling ---------------------------------------------------------

    @Test
    void rowsStreamInResultOrderAndStopAtTheLimit() throws Exception {
        List<OqlRow> seen = new ArrayList<>();
        OqlResult r = OqlQuery.parse("SELECT s.@objectId FROM INSTANCEOF java.lang.Object s").run(dump, 20_000, seen::add, Progress.NONE);
        assertThat(r.rows()).hasSize(20_000);
        assertThat(r.more()).isTrue();
        assertThat(seen).isEqualTo(r.rows());
        OqlResult again = OqlQuery.parse("SELECT s.@objectId FROM INSTANCEOF java.lang.Object s LIMIT 20000").run(dump, -1, null, Progress.NONE);
        assertThat(again.rows()).isEqualTo(r.rows()); // the same rows in the same order, whatever the threads did
        assertThat(r.rows()).extracting(row -> row.values().getFirst()).doesNotHaveDuplicates();
    }

    @Test
    void cancellingStopsTheScan() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress progress = new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
            }

            @Override
            public void progress(long done) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        List<OqlRow> seen = new ArrayList<>();
        OqlQuery q = OqlQuery.parse("SELECT * FROM INSTANCEOF java.lang.Object o WHERE o.@usedHeapSize > 0");
        assertThatThrownBy(() -> q.run(dump, -1, row -> {
            seen.add(row);
            cancelled.set(true);
        }, progress)).isInstanceOf(CancellationException.class);
        long all = q.run(dump, -1, null, Progress.NONE).rows().size();
        assertThat(seen).isNotEmpty();
        assertThat((long) seen.size()).isLessThan(all);
    }
}
