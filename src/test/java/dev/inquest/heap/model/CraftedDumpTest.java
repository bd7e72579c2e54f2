package dev.inquest.heap.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.inquest.heap.query.LeakSuspects;
import dev.inquest.heap.query.WhyAlive;
import dev.inquest.progress.Progress;
import dev.inquest.testing.HprofBuilder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dumps crafted to lie about their classes (issue 17): a class that is its own superclass, a
 * superclass cycle, instances of a class no CLASS_DUMP defines. Every query finishes, the damage
 * is listed in the dump's problems with the offending record's offset, and the rest is counted.
 */
class CraftedDumpTest {
    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static HeapDump open(Path p) throws Exception {
        return HeapDump.open(p, OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }

    /** Runs every query that walks a class's superclasses; none may hang. */
    private static void everyWalk(HeapDump d, String className) {
        d.summary();
        d.histogram(Grouping.CLASS);
        d.histogram(Grouping.PACKAGE);
        d.topDominators(10);
        LeakSuspects.find(d, Progress.NONE);
        WhyAlive.forClass(d, className, Progress.NONE);
        for (long node : d.reachableInstances(className, Progress.NONE)) {
            d.pathsToRoots(node, 5, true, Progress.NONE);
            d.pathsToRoots(node, 5, false, Progress.NONE);
            d.fields(node);
            d.outbound(node);
        }
    }

    @Test
    void classThatIsItsOwnSuperclassIsNamedAndNothingHangs() throws Exception {
        HprofBuilder h = new HprofBuilder(8);
        long self = h.loadClass("x.Self");
        long selfAt = h.classDump(self, self, HprofBuilder.ref("next"));
        long a = h.id();
        long b = h.id();
        h.instance(a, self, b);
        h.instance(b, self, 0);
        h.rootUnknown(a);
        h.endDump();
        Path p = h.write(dir.resolve("self.hprof"));
        assertTimeoutPreemptively(QUICK, () -> {
            try (HeapDump d = open(p)) {
                everyWalk(d, "x.Self");
                HeapSummary s = d.summary();
                assertThat(s.truncated()).isTrue();
                assertThat(s.problems()).containsExactly("class x.Self (CLASS_DUMP at byte " + selfAt
                        + ") names itself as its superclass; the link is ignored");
                // The rest is still counted: two instances, one keeping the other.
                long root = d.reachableInstances("x.Self", Progress.NONE).stream()
                        .filter(n -> d.address(n) == a).findFirst().orElseThrow();
                assertThat(d.outbound(root)).anySatisfy(r -> assertThat(d.address(r.node())).isEqualTo(b));
                assertThat(d.retained(root)).isEqualTo(2 * d.shallow(root));
            }
        });
    }

    @Test
    void superclassCycleIsNamedAndNothingHangs() throws Exception {
        HprofBuilder h = new HprofBuilder(8);
        long ca = h.loadClass("x.A");
        long cb = h.loadClass("x.B");
        long aAt = h.classDump(ca, cb, HprofBuilder.ref("next"));
        long bAt = h.classDump(cb, ca, HprofBuilder.ref("other"));
        long o1 = h.id();
        long o2 = h.id();
        h.instance(o1, ca, o2, 0);
        h.instance(o2, cb, 0, 0);
        h.rootUnknown(o1);
        h.endDump();
        Path p = h.write(dir.resolve("cycle.hprof"));
        assertTimeoutPreemptively(QUICK, () -> {
            try (HeapDump d = open(p)) {
                everyWalk(d, "x.A");
                everyWalk(d, "x.B");
                HeapSummary s = d.summary();
                assertThat(s.truncated()).isTrue();
                assertThat(s.problems()).containsExactly(
                        "class x.A (CLASS_DUMP at byte " + aAt + ") is in a superclass cycle (x.A -> x.B -> x.A); "
                                + "its superclass link is ignored",
                        "class x.B (CLASS_DUMP at byte " + bAt + ") is in a superclass cycle (x.B -> x.A -> x.B); "
                                + "its superclass link is ignored");
                assertThat(d.histogram(Grouping.CLASS)).extracting(HistogramRow::name).contains("x.A", "x.B");
                long first = d.node(o1);
                assertThat(d.outbound(first)).anySatisfy(r -> assertThat(d.address(r.node())).isEqualTo(o2));
            }
        });
    }

    @Test
    void longerCycleAndAChainIntoItAreBounded() throws Exception {
        HprofBuilder h = new HprofBuilder(4);
        long[] c = new long[5];
        for (int i = 0; i < c.length; i++) {
            c[i] = h.loadClass("x.C" + i);
        }
        // C0 -> C1 -> C2 -> C3 -> C1: C0 hangs off a 3-cycle; C4 is sane.
        h.classDump(c[0], c[1]);
        h.classDump(c[1], c[2]);
        h.classDump(c[2], c[3]);
        h.classDump(c[3], c[1]);
        h.classDump(c[4], 0);
        long o = h.id();
        h.instance(o, c[0]);
        h.rootUnknown(o);
        h.endDump();
        Path p = h.write(dir.resolve("cycle3.hprof"));
        assertTimeoutPreemptively(QUICK, () -> {
            try (HeapDump d = open(p)) {
                everyWalk(d, "x.C0");
                assertThat(d.problems()).hasSize(3).allSatisfy(m -> assertThat(m).contains("superclass cycle"))
                        .noneMatch(m -> m.contains("x.C0 (") || m.contains("x.C4"));
            }
        });
    }

    /** A chain D0 extends D1 extends ... each declaring one reference field, and one D0 pointing at itself by the top's field. */
    private Path chain(int depth) throws Exception {
        HprofBuilder h = new HprofBuilder(8);
        long[] c = new long[depth];
        for (int i = 0; i < depth; i++) {
            c[i] = h.loadClass("x.D" + i);
        }
        for (int i = 0; i < depth; i++) {
            h.classDump(c[i], i + 1 < depth ? c[i + 1] : 0, HprofBuilder.ref("f" + i));
        }
        long[] refs = new long[depth];
        refs[depth - 1] = OBJECT; // the field the top class declares, last in the instance's data
        h.instance(OBJECT, c[0], refs);
        h.rootUnknown(OBJECT);
        h.endDump();
        return h.write(dir.resolve("deep" + depth + ".hprof"));
    }

    private static final long OBJECT = 0x7000_0000L;

    @Test
    void aDeepSuperclassChainIsLaidOutWhole() throws Exception {
        int depth = 200;
        Path p = chain(depth);
        assertTimeoutPreemptively(QUICK, () -> {
            try (HeapDump d = open(p)) {
                everyWalk(d, "x.D0");
                assertThat(d.problems()).isEmpty();
                long node = d.node(OBJECT);
                assertThat(d.fields(node)).hasSize(depth);
                assertThat(d.outbound(node)).anySatisfy(r -> {
                    assertThat(r.field()).isEqualTo("f" + (depth - 1));
                    assertThat(r.node()).isEqualTo(node);
                });
            }
        });
    }

    @Test
    void aCraftedChainOfThirtyThousandClassesIsCutAndNamedNotQuadratic() throws Exception {
        Path p = chain(30_000);
        assertTimeoutPreemptively(QUICK, () -> {
            try (HeapDump d = open(p)) {
                everyWalk(d, "x.D0");
                assertThat(d.truncated()).isTrue();
                assertThat(d.problems()).anySatisfy(m -> assertThat(m).matches(
                        "class x\\.D\\d+ \\(CLASS_DUMP at byte \\d+\\) has more than 256 superclasses; the chain is cut "
                                + "there and the fields above are not read"));
                // Capped: 20 lines of a kind and one counting the rest.
                assertThat(d.problems()).hasSizeLessThanOrEqualTo(42)
                        .anySatisfy(m -> assertThat(m).startsWith("and ").contains("more classes with chains cut at 256"));
                assertThat(d.fields(d.node(OBJECT)).size()).isBetween(1, 257);
            }
        });
    }

    @Test
    void instancesOfAnUndefinedClassAreNamedOnceWithTheFirstOffset() throws Exception {
        HprofBuilder h = new HprofBuilder(8);
        long known = h.loadClass("x.Known");
        h.classDump(known, 0, HprofBuilder.ref("ghost"));
        long ghostClass = h.id(); // no LOAD_CLASS, no CLASS_DUMP
        long g1 = h.id();
        long g2 = h.id();
        long k = h.id();
        h.instance(k, known, g1);
        long firstGhost = h.instance(g1, ghostClass, g2);
        h.instance(g2, ghostClass, 0);
        h.rootUnknown(k);
        h.endDump();
        Path p = h.write(dir.resolve("ghost.hprof"));
        assertTimeoutPreemptively(QUICK, () -> {
            try (HeapDump d = open(p)) {
                everyWalk(d, "x.Known");
                HeapSummary s = d.summary();
                assertThat(s.truncated()).isTrue();
                assertThat(s.problems()).containsExactly(String.format("instances name class id 0x%x, which no CLASS_DUMP "
                        + "defines (the first INSTANCE_DUMP at byte %d); their fields cannot be read", ghostClass, firstGhost));
                assertThat(d.histogram(Grouping.CLASS)).anySatisfy(r -> {
                    assertThat(r.name()).isEqualTo(String.format("unknown class 0x%x", ghostClass));
                    assertThat(r.count()).isEqualTo(1); // g1, held by x.Known's field
                });
                // g2 is only referenced from g1's fields, which cannot be read without the class.
                assertThat(s.unreachableObjects()).isEqualTo(1);
            }
        });
    }

    @Test
    void aRepeatedObjectIdIsNamedAndTheFirstRecordIsRead() throws Exception {
        HprofBuilder h = new HprofBuilder(8);
        long t = h.loadClass("x.T");
        h.classDump(t, 0, HprofBuilder.ref("next"));
        long a = h.id();
        long b = h.id();
        h.instance(a, t, b);
        h.instance(b, t, 0);
        long repeat = h.instance(a, t, 0); // same id as the first, another value
        h.rootUnknown(a);
        h.endDump();
        Path p = h.write(dir.resolve("repeat.hprof"));
        try (HeapDump d = open(p)) {
            assertThat(d.problems()).containsExactly("an object record repeats the id of an earlier one (the first at byte "
                    + repeat + "); only the first record of each id is read");
            assertThat(d.outbound(d.node(a))).anySatisfy(r -> assertThat(d.address(r.node())).isEqualTo(b));
        }
    }

    @Test
    void aSaneCraftedDumpHasNoProblems() throws Exception {
        HprofBuilder h = new HprofBuilder(8);
        long base = h.loadClass("x.Base");
        long sub = h.loadClass("x.Sub");
        h.classDump(base, 0, HprofBuilder.ref("parent"));
        h.classDump(sub, base, HprofBuilder.ref("child"));
        long o = h.id();
        h.instance(o, sub, 0, 0);
        h.rootUnknown(o);
        h.endDump();
        try (HeapDump d = open(h.write(dir.resolve("sane.hprof")))) {
            assertThat(d.problems()).isEmpty();
            assertThat(d.summary().truncated()).isFalse();
            assertThat(d.fields(d.node(o))).extracting(FieldValue::name).contains("child", "parent");
        }
    }
}
