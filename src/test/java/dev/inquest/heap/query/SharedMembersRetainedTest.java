package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.FieldValue;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import dev.inquest.testing.ChildJvm;
import dev.inquest.testing.TempDirs;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The retained size of a set where members share what they keep alive (issue 19): the elements
 * of a container, the duplicates among them and a thread's locals are measured with the exact
 * retained set, not the sum of the members' retained sizes that misses what only several members
 * together hold. On the {@code SharedMembers} workload: 300 items sharing a 500,000-byte blob and
 * 30 id strings, and a thread whose two locals share a 300,000-byte array.
 */
@Tag("slow")
class SharedMembersRetainedTest {
    private static HeapDump dump;
    private static ObjectReader reader;

    @BeforeAll
    static void open() throws Exception {
        Path d = TempDirs.deletedAtExit("inquest-shared-members");
        Path f = d.resolve("shared-members.hprof");
        ChildJvm.runWorkload("SharedMembers", d, List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), f.toString());
        dump = HeapDump.open(f, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
        reader = new ObjectReader(dump);
    }

    @AfterAll
    static void close() {
        dump.close();
    }

    private static long ref(long node, String field) {
        for (FieldValue v : dump.fields(node)) {
            if (v.name().equals(field) && v.reference()) {
                return dump.node((long) v.value());
            }
        }
        throw new AssertionError("no field " + field);
    }

    private static long only(String className) {
        List<Long> all = dump.reachableInstances(className, Progress.NONE);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    @Test
    void containerElementsCountTheBlobAndIdsTheyShare() {
        Containers containers = new Containers(reader);
        ContainerInfo list = dump.reachableInstances("java.util.ArrayList", Progress.NONE).stream()
                .map(n -> containers.describe(n, Progress.NONE))
                .filter(c -> c != null && "SharedMembers$Item".equals(c.elementClass())).findFirst().orElseThrow();
        assertThat(list.elementClassCount()).isEqualTo(300);
        long[] items = containers.members(list.node(), "SharedMembers$Item", Progress.NONE);
        assertThat(items).hasSize(300);
        long sumOfMembers = reader.tree().retainedSizeOfSet(items);
        // Each item alone keeps itself and its own byte[100]: the blob and the ids are held by 300 and 10 items.
        long blob = only("SharedMembers$Blob");
        long[] ids = Arrays.stream(items).map(i -> ref(i, "id")).distinct().toArray();
        assertThat(ids).hasSize(30);
        long shared = dump.retained(blob) + Arrays.stream(ids).map(dump::retained).sum();
        assertThat(dump.retained(blob)).isGreaterThan(500_000);
        assertThat(list.elementClassRetained()).isEqualTo(sumOfMembers + shared);
        // One figure for every face: the selection's retained set gives the same.
        assertThat(RetainedSet.forObjects(dump, "items", items, Progress.NONE).shallow()).isEqualTo(list.elementClassRetained());
    }

    @Test
    void duplicatesShareOutTheExactRetainedSize() {
        long[] items = dump.reachableInstances("SharedMembers$Item", Progress.NONE).stream().mapToLong(Long::longValue).toArray();
        Duplication dup = new DuplicateKeys(reader).find(items, Progress.NONE);
        assertThat(dup).isNotNull();
        assertThat(dup.keyField()).isEqualTo("id");
        assertThat(dup.distinctKeys()).isEqualTo(30);
        assertThat(dup.redundantInstances()).isEqualTo(270);
        long exact = RetainedSet.forObjects(dump, "items", items, Progress.NONE).shallow();
        assertThat(exact).isGreaterThan(500_000 + reader.tree().retainedSizeOfSet(items));
        assertThat(dup.redundantRetained()).isEqualTo(Math.round((double) exact * 270 / 300));
    }

    @Test
    void threadLocalsCountTheArrayTwoLocalsShare() {
        ThreadOverview.Row holder = ThreadOverview.compute(dump, Progress.NONE).stream()
                .filter(r -> "holder-thread".equals(r.name())).findFirst().orElseThrow();
        List<ObjectBrief> pair = holder.biggestLocals().stream().filter(b -> b.className().equals("java.lang.Object[]")).toList();
        assertThat(pair).hasSize(2);
        // Each local alone retains only itself (an Object[1]); the 300,000-byte array they share is the thread's.
        assertThat(pair).allSatisfy(b -> assertThat(b.retained()).isLessThan(100));
        long array = dump.outbound(pair.getFirst().node()).stream().filter(r -> r.className().equals("byte[]"))
                .mapToLong(dev.inquest.heap.model.ObjectRef::node).findFirst().orElseThrow();
        assertThat(dump.shallow(array)).isGreaterThanOrEqualTo(300_000);
        long owned = holder.biggestLocals().stream().mapToLong(ObjectBrief::retained).sum();
        assertThat(holder.localsRetained()).isEqualTo(owned + dump.shallow(array)).isLessThanOrEqualTo(holder.retained());
    }
}
