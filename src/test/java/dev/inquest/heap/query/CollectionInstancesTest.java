package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.progress.Progress;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The individual collections of a class ({@link CollectionFill#instances}) add up to the class's
 * row, and a class's largest instance ({@link ClassInstances#largest}) retains the most of all its
 * reachable instances (issue 18: collection fill per collection, Inspect on a class row).
 */
class CollectionInstancesTest {
    private static HeapDump dump;

    @BeforeAll
    static void open() throws Exception {
        dump = LeakDumps.open("grow-2");
    }

    @AfterAll
    static void close() {
        dump.close();
    }

    @Test
    void theCollectionsOfAClassAddUpToItsRow() {
        List<CollectionFill.Row> rows = CollectionFill.compute(dump, Progress.NONE);
        assertThat(rows).extracting(CollectionFill.Row::className).contains("java.util.ArrayList", "java.util.HashMap");
        for (CollectionFill.Row row : rows) {
            CollectionFill.Instances all = CollectionFill.instances(dump, row.className(), CollectionFill.Order.BIGGEST, Integer.MAX_VALUE,
                    Progress.NONE);
            assertThat(all.total()).as(row.className()).isEqualTo(row.instances());
            assertThat(all.rows()).as(row.className()).hasSize((int) row.instances());
            assertThat(all.rows().stream().mapToLong(CollectionFill.Instance::size).sum()).as(row.className()).isEqualTo(row.size());
            assertThat(all.rows().stream().mapToLong(CollectionFill.Instance::capacity).sum()).as(row.className()).isEqualTo(row.capacity());
            assertThat(all.rows().stream().filter(i -> i.size() == 0).count()).as(row.className()).isEqualTo(row.empty());
            assertThat(all.rows()).isSortedAccordingTo(Comparator.comparingLong(CollectionFill.Instance::size).reversed());
            assertThat(all.rows().getFirst().size()).isEqualTo(row.largestSize());
            for (CollectionFill.Instance i : all.rows()) {
                assertThat(dump.className(i.node())).isEqualTo(row.className());
                assertThat(i.address()).isEqualTo(dump.address(i.node()));
            }
        }
    }

    @Test
    void aLimitKeepsTheFirstInTheOrderAsked() {
        CollectionFill.Instances all = CollectionFill.instances(dump, "java.util.ArrayList", CollectionFill.Order.EMPTIEST, Integer.MAX_VALUE,
                Progress.NONE);
        CollectionFill.Instances three = CollectionFill.instances(dump, "java.util.ArrayList", CollectionFill.Order.EMPTIEST, 3, Progress.NONE);
        assertThat(all.rows().size()).isGreaterThan(3);
        assertThat(all.rows()).isSortedAccordingTo(Comparator.comparingLong(CollectionFill.Instance::wastedBytes).reversed());
        assertThat(three.total()).isEqualTo(all.total());
        assertThat(three.rows()).containsExactlyElementsOf(all.rows().subList(0, 3));
        assertThat(CollectionFill.instances(dump, "java.lang.String", CollectionFill.Order.BIGGEST, 10, Progress.NONE).rows()).isEmpty();
    }

    @Test
    void theLargestInstanceRetainsTheMost() {
        long largest = ClassInstances.largest(dump, "java.util.ArrayList", Progress.NONE);
        assertThat(dump.className(largest)).isEqualTo("java.util.ArrayList");
        for (long v : dump.reachableInstances("java.util.ArrayList", Progress.NONE)) {
            assertThat(dump.retained(largest)).isGreaterThanOrEqualTo(dump.retained(v));
        }
        // The growing list of 8,000 Items is the ArrayList that retains the most.
        assertThat(dump.retained(largest)).isGreaterThan(8_000L * (24 + 120));
        assertThat(ClassInstances.largest(dump, "no.such.Class", Progress.NONE)).isEqualTo(-1);
    }
}
