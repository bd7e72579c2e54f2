package dev.inquest.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.format.Units;
import dev.inquest.heap.query.ObjectBrief;
import dev.inquest.heap.query.OqlRow;
import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.Locator;
import dev.inquest.investigation.store.CaseJson;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pinned query result (issue 19): its rows as the window shows them, the query as its
 * provenance, the export's query in a {@code sql} code block, heap text withheld.
 */
class QueryEvidenceTest {
    private static final String QUERY = "SELECT c, c.@retainedHeapSize AS retained FROM OqlShapes$Connection c\nWHERE c.closed = false";

    private static OqlRow row(long address, long retained) {
        return new OqlRow(3, Arrays.asList(new ObjectBrief(3, address, "OqlShapes$Connection", 24, retained), retained));
    }

    private static Case caseWith(Evidence e) {
        Case.Builder b = Case.create("Connections", LocalDate.of(2026, 1, 2)).toBuilder();
        b.hypotheses.add(Hypothesis.of("H1", "Open connections keep their buffers").plusEvidence(e.withId("E1")));
        return b.build();
    }

    @Test
    void theRowsAreItsPathTheQueryItsSourceAndTheExportShowsTheQueryAsSql() throws Exception {
        Evidence e = HeapEvidence.ofQuery("/dumps/oql.hprof", QUERY, List.of("c", "retained"),
                List.of(row(0x7f001000L, 2_048), row(0x7f002000L, 1_024)), 7, false);

        assertThat(e.kind()).isEqualTo(EvidenceKind.QUERY_RESULT);
        assertThat(e.summary()).isEqualTo("Query `SELECT c, c.@retainedHeapSize AS retained FROM OqlShapes$Connection c WHERE c.closed = false`: 2 of 7 rows");
        assertThat(e.figure("rows").orElseThrow().value()).isEqualTo(2.0);
        assertThat(e.path()).containsExactly("c | retained",
                "OqlShapes$Connection @ 0x7f001000 | " + Units.bytes(2_048),
                "OqlShapes$Connection @ 0x7f002000 | " + Units.bytes(1_024));
        assertThat(e.values()).isEmpty();
        assertThat(e.source().view()).isEqualTo(EvidenceView.HEAP_QUERY);
        assertThat(Locator.HeapQuery.in(e.source())).contains(new Locator.HeapQuery(QUERY));

        // The case file keeps kind, view and query as written.
        Case c = caseWith(e);
        Evidence back = CaseJson.parse(CaseJson.toJson(c).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.file.Path.of("c.inquest")).value().hypotheses().getFirst().evidence().getFirst();
        assertThat(back).isEqualTo(e.withId("E1"));

        String md = ReportExporter.export(c, ExportOptions.DEFAULT).markdown();
        assertThat(md).contains("**Query (E1):**\n\n```sql\n" + QUERY + "\n```");
        assertThat(md).contains("**Rows (E1):**\n\n```\nc | retained\nOqlShapes$Connection @ 0x7f001000 | " + Units.bytes(2_048));
    }

    @Test
    void rowsHoldingHeapTextAreValuesWithheldByDefault() {
        Evidence e = HeapEvidence.ofQuery("/dumps/oql.hprof", "SELECT toString(o.customer) AS who FROM OqlShapes$Order o",
                List.of("who"), List.of(new OqlRow(5, Arrays.asList((Object) "cust-alice"))), 1, false);
        assertThat(e.path()).isEmpty();
        assertThat(e.values()).containsExactly("who", "cust-alice");
        assertThat(e.summary()).endsWith(": 1 row");

        String md = ReportExporter.export(caseWith(e), ExportOptions.DEFAULT).markdown();
        assertThat(md).contains("```sql\nSELECT toString(o.customer) AS who FROM OqlShapes$Order o\n```")
                .contains("2 values read from the heap withheld").doesNotContain("cust-alice");
    }
}
