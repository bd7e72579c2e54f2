package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.index.DumpInternals;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Duplicate objects by key on the LeakPatterns dumps, against what the workload built. */
@Tag("slow")
class DuplicateObjectsTest {
    /** 12-byte header + two compressed references, aligned to 8 (the child runs with -Xmx128m). */
    private static final long SESSION_VIEW = 24;
    /** Header + a compressed reference + a long or a double. */
    private static final long ORDER = 24;
    private static final long PRICE = 24;

    @Test
    void findsTheClassesEqualByKeyAndRanksThemByWaste() throws Exception {
        try (HeapDump d = LeakDumps.open("duplicates")) {
            List<DuplicateObject> rows = DuplicateObjects.find(d, 100, true, Progress.NONE);
            // Account (distinct UUIDs), Employee (distinct ids, repeated names) and Tiny (99 < 100) are not copies;
            // JDK classes are not looked at.
            assertThat(rows).extracting(DuplicateObject::className)
                    .containsExactly("LeakPatterns$SessionView", "LeakPatterns$Order", "LeakPatterns$Price");

            DuplicateObject views = rows.get(0);
            assertThat(views.instances()).isEqualTo(20_000);
            assertThat(views.keyField()).isEqualTo("userId");
            assertThat(views.keyType()).isEqualTo("String");
            assertThat(views.keyedInstances()).isEqualTo(20_000);
            assertThat(views.distinctKeys()).isEqualTo(400);
            assertThat(views.surplusInstances()).isEqualTo(19_600);
            assertThat(views.wastedBytes()).isEqualTo(19_600 * SESSION_VIEW);
            assertThat(views.wastedBytes()).isEqualTo(19_600 * DumpInternals.of(d).index().shallowSize(views.example()));
            assertThat(views.topKeyCount()).isEqualTo(50);
            assertThat(views.redacted()).isFalse();
            assertThat(views.topKey()).matches("user-\\d+");
            assertThat(d.className(views.example())).isEqualTo("LeakPatterns$SessionView");
            assertThat(views.exampleAddress()).isEqualTo(d.address(views.example()));

            DuplicateObject orders = rows.get(1);
            assertThat(orders.keyField()).isEqualTo("customerId");
            assertThat(orders.keyType()).isEqualTo("Long");
            assertThat(orders.instances()).isEqualTo(3_000);
            assertThat(orders.distinctKeys()).isEqualTo(30);
            assertThat(orders.topKeyCount()).isEqualTo(100);
            assertThat(Long.parseLong(orders.topKey())).isBetween(1_000L, 1_029L);
            assertThat(orders.wastedBytes()).isEqualTo(2_970 * ORDER);

            DuplicateObject prices = rows.get(2);
            assertThat(prices.keyField()).isEqualTo("currencyKey");
            assertThat(prices.keyType()).isEqualTo("LeakPatterns$Currency");
            assertThat(prices.distinctKeys()).isEqualTo(3);
            assertThat(prices.topKeyCount()).isEqualTo(400);
            assertThat(prices.topKey()).isIn("EUR", "USD", "GBP");
            assertThat(prices.wastedBytes()).isEqualTo(1_197 * PRICE);

            assertThat(DuplicateObjects.find(d, 1, true, Progress.NONE)).containsExactly(views);
        }
    }

    @Test
    void keyValuesAreRedactedUnlessAskedFor() throws Exception {
        try (HeapDump d = LeakDumps.open("duplicates")) {
            List<DuplicateObject> shown = DuplicateObjects.find(d, 100, true, Progress.NONE);
            List<DuplicateObject> hidden = DuplicateObjects.find(d, 100, false, Progress.NONE);
            assertThat(hidden).hasSameSizeAs(shown);
            for (int i = 0; i < shown.size(); i++) {
                DuplicateObject s = shown.get(i);
                DuplicateObject h = hidden.get(i);
                assertThat(h.redacted()).isTrue();
                assertThat(h.topKey()).isEqualTo("<redacted: " + s.topKey().length() + " chars>");
                // Everything but the value is the same answer.
                assertThat(h).usingRecursiveComparison().ignoringFields("topKey", "redacted").isEqualTo(s);
            }
        }
    }

    @Test
    void wholeHeapAnswerAgreesWithTheSuspectsDuplication() throws Exception {
        try (HeapDump d = LeakDumps.open("wrappers")) {
            // The list holds 30,000 views for 300 users (the suspect's duplication); the manager's map holds
            // one more per user: the whole heap has 30,300 SessionView for the same 300 userIds.
            Duplication suspect = LeakSuspects.find(d, Progress.NONE).suspects().getFirst().duplication();
            assertThat(suspect.instances()).isEqualTo(30_000);
            assertThat(suspect.distinctKeys()).isEqualTo(300);
            DuplicateObject row = DuplicateObjects.find(d, 10, false, Progress.NONE).getFirst();
            assertThat(row.className()).isEqualTo(suspect.className());
            assertThat(row.keyField()).isEqualTo(suspect.keyField());
            assertThat(row.instances()).isEqualTo(30_300);
            assertThat(row.distinctKeys()).isEqualTo(300);
            assertThat(row.surplusInstances()).isEqualTo(30_000);
            assertThat(row.wastedBytes()).isEqualTo(30_000 * SESSION_VIEW);
            assertThat(row.topKeyCount()).isEqualTo(101);
        }
    }
}
