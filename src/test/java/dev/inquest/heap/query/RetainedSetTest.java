package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.heap.model.FieldValue;
import dev.inquest.heap.model.GcRoot;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.ObjectRef;
import dev.inquest.progress.Progress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The retained set of a selection on a real dump of known shape: two holders share a payload, so
 * each alone retains only itself and its own array, and both together retain the payload too
 * (the union of their dominator subtrees would miss it). Checked against a brute-force search
 * from the GC roots through the dump's public references.
 */
@Tag("slow")
class RetainedSetTest {
    private static final String HOLDER = "SharedRetained$Holder";
    private static HeapDump dump;
    private static long[] holders;

    @BeforeAll
    static void open() throws Exception {
        dump = SharedRetainedDump.open();
        holders = dump.reachableInstances(HOLDER, Progress.NONE).stream().mapToLong(Long::longValue).toArray();
    }

    @AfterAll
    static void close() {
        dump.close();
    }

    private static long field(long node, String name) {
        for (FieldValue f : dump.fields(node)) {
            if (f.name().equals(name) && f.reference()) {
                return dump.node((long) f.value());
            }
        }
        throw new AssertionError("no field " + name);
    }

    private static Map<String, Long> counts(RetainedSet.Result r) {
        return r.histogram().stream().collect(Collectors.toMap(Inspection.ClassCount::className, Inspection.ClassCount::count));
    }

    /** The objects reachable from the roots before, and not once {@code removed} are gone: the definition, searched naively. */
    private static BitSet freedByBruteForce(long[] removed) {
        BitSet gone = new BitSet();
        Arrays.stream(removed).forEach(x -> gone.set(Math.toIntExact(x)));
        BitSet before = reachable(new BitSet());
        BitSet after = reachable(gone);
        before.andNot(after);
        return before;
    }

    private static BitSet reachable(BitSet removed) {
        BitSet seen = new BitSet();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        for (GcRoot r : dump.gcRoots()) {
            if (r.node() >= 0 && !removed.get((int) r.node()) && !seen.get((int) r.node())) {
                seen.set((int) r.node());
                queue.add(r.node());
            }
        }
        while (!queue.isEmpty()) {
            long x = queue.poll();
            for (ObjectRef ref : dump.outbound(x)) {
                long t = dump.node(ref.address());
                if (t >= 0 && !removed.get((int) t) && !seen.get((int) t)) {
                    seen.set((int) t);
                    queue.add(t);
                }
            }
        }
        return seen;
    }

    @Test
    void eachHolderAloneRetainsOnlyItselfAndItsOwnArray() {
        assertThat(holders).hasSize(2);
        for (long h : holders) {
            RetainedSet.Result one = RetainedSet.forObjects(dump, "one", new long[] {h}, Progress.NONE);
            assertThat(one.members()).isEqualTo(1);
            assertThat(one.objects()).isEqualTo(2);
            assertThat(one.shallow()).isEqualTo(dump.retained(h)).isEqualTo(dump.shallow(h) + dump.shallow(field(h, "own")));
            assertThat(counts(one)).isEqualTo(Map.of(HOLDER, 1L, "byte[]", 1L));
        }
    }

    @Test
    void bothHoldersTogetherRetainTheSharedPayload() {
        long payload = field(holders[0], "shared");
        assertThat(field(holders[1], "shared")).isEqualTo(payload);
        long data = field(payload, "data");
        RetainedSet.Result both = RetainedSet.forObjects(dump, "both", holders, Progress.NONE);
        long expected = dump.shallow(holders[0]) + dump.shallow(holders[1]) + dump.shallow(field(holders[0], "own"))
                + dump.shallow(field(holders[1], "own")) + dump.shallow(payload) + dump.shallow(data);
        assertThat(both.members()).isEqualTo(2);
        assertThat(both.objects()).isEqualTo(6);
        assertThat(both.shallow()).isEqualTo(expected).isGreaterThan(200_000);
        // What the dominator tree alone gives (each member's subtree) misses the payload.
        assertThat(dump.retained(holders[0]) + dump.retained(holders[1])).isLessThan(both.shallow() - 200_000);
        assertThat(counts(both)).isEqualTo(Map.of(HOLDER, 2L, "byte[]", 3L, "SharedRetained$Payload", 1L));
        assertThat(both.histogram().get(0).className()).isEqualTo("byte[]"); // largest shallow first
        // Duplicates change nothing.
        RetainedSet.Result twice = RetainedSet.forObjects(dump, "both", new long[] {holders[0], holders[1], holders[0]}, Progress.NONE);
        assertThat(twice).isEqualTo(both);
    }

    @Test
    void theSetIsWhatTheRootsNoLongerReachWithoutTheMembers() {
        BitSet freed = freedByBruteForce(holders);
        RetainedSet.Result both = RetainedSet.forObjects(dump, "both", holders, Progress.NONE);
        assertThat(freed.cardinality()).isEqualTo(both.objects());
        assertThat(freed.stream().mapToLong(x -> dump.shallow(x)).sum()).isEqualTo(both.shallow());
    }

    @Test
    void aClassRowIsEveryInstanceAndInstanceofAddsTheSubclasses() {
        RetainedSet.Result both = RetainedSet.forObjects(dump, "both", holders, Progress.NONE);
        RetainedSet.Result cls = RetainedSet.forClass(dump, HOLDER, false, Progress.NONE);
        assertThat(cls.label()).isEqualTo(HOLDER);
        assertThat(cls.members()).isEqualTo(2);
        assertThat(cls.objects()).isEqualTo(both.objects());
        assertThat(cls.shallow()).isEqualTo(both.shallow());
        assertThat(cls.histogram()).isEqualTo(both.histogram());

        long special = dump.reachableInstances("SharedRetained$SpecialHolder", Progress.NONE).getFirst();
        RetainedSet.Result all = RetainedSet.forClass(dump, HOLDER, true, Progress.NONE);
        assertThat(all.label()).isEqualTo(HOLDER + " and its subclasses");
        assertThat(all.members()).isEqualTo(3);
        assertThat(all.objects()).isEqualTo(9);
        assertThat(all.shallow()).isEqualTo(both.shallow() + dump.retained(special));
        assertThat(counts(all)).containsEntry("SharedRetained$SpecialHolder", 1L).containsEntry("byte[]", 5L);
    }

    @Test
    void unknownClassesAndUnreachableSelectionsAreEmptyNotErrors() {
        assertThat(RetainedSet.hasClass(dump, HOLDER)).isTrue();
        assertThat(RetainedSet.hasClass(dump, "no.Such")).isFalse();
        RetainedSet.Result none = RetainedSet.forClass(dump, "no.Such", true, Progress.NONE);
        assertThat(none.members()).isZero();
        assertThat(none.objects()).isZero();
        assertThat(none.histogram()).isEmpty();
    }

    @Test
    void cancellingStopsTheSearch() {
        Progress cancelled = new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
            }

            @Override
            public void progress(long done) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> RetainedSet.forObjects(dump, "both", holders, cancelled)).isInstanceOf(CancellationException.class);
    }

    @Test
    void progressNamesItsPhases() {
        List<String> phases = new java.util.ArrayList<>();
        RetainedSet.forObjects(dump, "both", holders, new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
                phases.add(name);
            }

            @Override
            public void progress(long done) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(phases).containsExactly("Retained set: what stays reachable", "Retained set: what is freed");
    }
}
