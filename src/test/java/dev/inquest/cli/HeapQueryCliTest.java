package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.heap.query.OqlDump;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code inquest heap query}: text, JSON and CSV answers, the limit, and errors with their column (exit 2). */
@Tag("slow")
class HeapQueryCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static final String GROUPED = "SELECT toString(o.customer) AS customer, count(*) AS n, sum(o.amount) AS total"
            + " FROM OqlShapes$Order o GROUP BY toString(o.customer) ORDER BY n DESC";

    static String dump() {
        return OqlDump.path().toString();
    }

    @Test
    void textIsATable() {
        CliRun r = CliRun.run("heap", "query", dump(), GROUPED);
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("customer\\s+n\\s+total");
        // alice: amounts 0..119; carol: 170..270; bob: 120..169.
        assertThat(lines.get(2)).matches("cust-alice\\s+120\\s+7,140");
        assertThat(lines.get(3)).matches("cust-carol\\s+101\\s+22,220");
        assertThat(lines.get(4)).matches("cust-bob\\s+50\\s+7,225");
        assertThat(lines.get(5)).isEqualTo("3 rows");
    }

    @Test
    void jsonRowsAreKeyedByColumnAndMarked() throws Exception {
        CliRun r = CliRun.run("heap", "query", dump(), GROUPED, "--json", "--limit", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.size()).isEqualTo(2);
        assertThat(j.get(0).get("customer").asText()).isEqualTo("cust-alice");
        assertThat(j.get(0).get("n").asLong()).isEqualTo(120);
        assertThat(j.get(0).get("total").asLong()).isEqualTo(7140);
        assertThat(j.get(0).get("truncated").asBoolean()).isFalse();
        assertThat(j.get(1).get("customer").asText()).isEqualTo("cust-carol");
        assertThat(r.err()).contains("the first 2 rows; more rows match");

        CliRun objects = CliRun.run("heap", "query", dump(), "SELECT * FROM OqlShapes$Derived", "--json");
        assertThat(objects.exit()).as(objects.err()).isZero();
        JsonNode o = JSON.readTree(objects.out());
        assertThat(o.size()).isEqualTo(3);
        assertThat(o.get(0).get("object").get("class").asText()).isEqualTo("OqlShapes$Derived");
        assertThat(o.get(0).get("object").get("address").asText()).startsWith("0x");
        assertThat(o.get(0).get("shallow").asLong()).isPositive();
    }

    @Test
    void csvEscapesOnce() {
        CliRun r = CliRun.run("heap", "query", dump(),
                "SELECT toString(p.name) + ',\"x' AS \"name, quoted\", p.@usedHeapSize FROM OqlShapes$Pool p ORDER BY 1", "--csv");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\"name, quoted\",p.@usedHeapSize");
        assertThat(lines.get(1)).matches("\"poolA,\"\"x\",\\d+");
        assertThat(lines).hasSize(3);
    }

    @Test
    void badQueriesSayWhereAndExitTwo() {
        CliRun r = CliRun.run("heap", "query", dump(), "SELECT * FRM java.lang.String");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("inquest: query: expected FROM or ',' after the select list, found 'FRM' at column 10");
        assertThat(r.out()).isEmpty();

        CliRun missing = CliRun.run("heap", "query", dump(), "SELECT * FROM com.example.Nothing");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().lines().filter(l -> l.startsWith("inquest:")).toList())
                .containsExactly("inquest: query: no class com.example.Nothing in this dump at column 15");

        CliRun both = CliRun.run("heap", "query", dump(), "SELECT * FROM java.lang.String", "--json", "--csv");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--json and --csv exclude each other");
    }

    @Test
    void aBigResultIsPrintedRowByRowInEveryFormat() throws Exception {
        String all = "SELECT * FROM INSTANCEOF java.lang.Object o";
        long n;
        try (dev.inquest.heap.model.HeapDump d = dev.inquest.heap.model.HeapDump.open(OqlDump.path(),
                dev.inquest.heap.model.OpenOptions.DEFAULT.withIndexFile(false), dev.inquest.progress.Progress.NONE)) {
            n = dev.inquest.heap.query.OqlQuery.parse(all).run(d, -1, null, dev.inquest.progress.Progress.NONE).rows().size();
        }
        assertThat(n).isGreaterThan(10_000);

        CliRun csv = CliRun.run("heap", "query", dump(), all, "--csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize((int) n + 1);
        assertThat(lines.get(0)).isEqualTo("object,shallow,retained");
        assertThat(lines.get(1)).matches("\\S.* @ 0x[0-9a-f]+,\\d+,\\d+");

        CliRun text = CliRun.run("heap", "query", dump(), all);
        assertThat(text.exit()).as(text.err()).isZero();
        List<String> t = text.out().lines().toList();
        assertThat(t).hasSize((int) n + 3);
        assertThat(t.get(0)).matches("object\\s+shallow\\s+retained");
        assertThat(t.get(1)).matches("-+  -+  -+");
        assertThat(t.get(2)).matches("\\S.* @ 0x[0-9a-f]+\\s+[\\d,]+\\s+[\\d,]+");
        assertThat(t.getLast()).isEqualTo(n + " rows");

        CliRun json = CliRun.run("heap", "query", dump(), all, "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode j = JSON.readTree(json.out());
        assertThat(j.size()).isEqualTo((int) n);
        assertThat(j.get(j.size() - 1).get("object").get("address").asText()).startsWith("0x");
        assertThat(j.get(j.size() - 1).get("truncated").asBoolean()).isFalse();

        CliRun none = CliRun.run("heap", "query", dump(), "SELECT * FROM OqlShapes$Derived d WHERE d.@usedHeapSize < 0", "--json");
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(JSON.readTree(none.out()).isArray()).isTrue();
        assertThat(JSON.readTree(none.out()).size()).isZero();
        CliRun noneText = CliRun.run("heap", "query", dump(), "SELECT * FROM OqlShapes$Derived d WHERE d.@usedHeapSize < 0");
        assertThat(noneText.out().lines().toList()).containsExactly("object  shallow  retained", "------  -------  --------", "0 rows");
    }
}
