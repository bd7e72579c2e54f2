package dev.inquest.jfr.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FlameTransformsTest {
    private static final Frame TREE = CollapsedStacks.parse("""
            main;a;b;c 10
            main;a;b 5
            main;x;b;c 20
            main;x 15
            """);

    @Test
    void reverseHangsCallersUnderTheFramesWithSelfWeight() {
        Frame r = FlameTransforms.reverse(TREE);
        assertThat(r.total()).isEqualTo(50);
        assertThat(r.children()).extracting(Frame::label).containsExactly("b", "c", "x");
        // c has self 10 (under a) + 20 (under x)
        assertThat(r.child("c").total()).isEqualTo(30);
        assertThat(r.path("c", "b").total()).isEqualTo(30);
        assertThat(r.path("c", "b", "a").total()).isEqualTo(10);
        assertThat(r.path("c", "b", "x").total()).isEqualTo(20);
        assertThat(r.path("c", "b", "x", "main").total()).isEqualTo(20);
        assertThat(r.path("c", "b", "x", "main").self()).isEqualTo(20);
        assertThat(r.child("b").total()).isEqualTo(5);
        assertThat(r.child("x").total()).isEqualTo(15);
        // The roots' children add up to the whole: every sample ends somewhere.
        assertThat(r.children().stream().mapToLong(Frame::total).sum()).isEqualTo(50);
        // Reversing twice gives back the same stacks.
        assertThat(CollapsedStacks.write(FlameTransforms.reverse(r)).lines().sorted().toList())
                .isEqualTo(CollapsedStacks.write(TREE).lines().sorted().toList());
    }

    @Test
    void focusMergesEveryOccurrenceOfTheFrame() {
        Frame f = FlameTransforms.focus(TREE, FlameTransforms.labelIs("b"));
        assertThat(f.total()).isEqualTo(35);
        assertThat(f.children()).extracting(Frame::label).containsExactly("b");
        assertThat(f.child("b").total()).isEqualTo(35);
        assertThat(f.child("b").self()).isEqualTo(5);
        assertThat(f.path("b", "c").total()).isEqualTo(30);
    }

    @Test
    void focusCountsNestedRecursionOnce() {
        Frame rec = CollapsedStacks.parse("""
                main;f;g;f;h 10
                main;f 4
                main;k 6
                """);
        Frame f = FlameTransforms.focus(rec, FlameTransforms.labelIs("f"));
        assertThat(f.total()).isEqualTo(14);
        assertThat(f.path("f", "g", "f", "h").total()).isEqualTo(10);
    }

    @Test
    void focusOnAReversedTreeGivesMergedCallers() {
        Frame callers = FlameTransforms.focus(FlameTransforms.reverse(TREE), FlameTransforms.labelIs("c"));
        assertThat(callers.path("c", "b", "a").total()).isEqualTo(10);
        assertThat(callers.path("c", "b", "x").total()).isEqualTo(20);
    }

    @Test
    void excludeDropsTheStacksThroughMatchingFrames() {
        Frame e = FlameTransforms.exclude(TREE, FlameTransforms.labelMatches(Pattern.compile("^c$")));
        assertThat(e.total()).isEqualTo(20);
        assertThat(e.child("main").total()).isEqualTo(20);
        assertThat(e.path("main", "a").total()).isEqualTo(5);
        assertThat(e.path("main", "a", "b").total()).isEqualTo(5);
        assertThat(e.path("main", "a", "b", "c")).isNull();
        assertThat(e.path("main", "x").total()).isEqualTo(15);
        assertThat(e.path("main", "x").self()).isEqualTo(15);
        assertThat(e.path("main", "x", "b").total()).isZero();
    }

    @Test
    void collapseRecursionMergesDirectSelfCalls() {
        Frame rec = CollapsedStacks.parse("""
                main;f;f;f;g 10
                main;f;f 3
                main;f;g;g 7
                main;f;h;f 2
                """);
        Frame c = FlameTransforms.collapseRecursion(rec);
        Frame f = c.path("main", "f");
        assertThat(f.total()).isEqualTo(22);
        assertThat(f.self()).isEqualTo(3);
        assertThat(f.children()).extracting(Frame::label).containsExactly("g", "h");
        assertThat(f.child("g").total()).isEqualTo(17);
        assertThat(f.child("g").self()).isEqualTo(17);
        assertThat(f.child("g").children()).isEmpty();
        // Indirect recursion (f -> h -> f) is not direct and stays.
        assertThat(f.path("h", "f").total()).isEqualTo(2);
    }

    @Test
    void pruneHidesNarrowFramesAndKeepsTotals() {
        Frame p = FlameTransforms.prune(TREE, 0.2);   // >= 10 of 50
        assertThat(p.path("main", "a").total()).isEqualTo(15);
        assertThat(p.path("main", "a", "b").total()).isEqualTo(15);
        assertThat(p.path("main", "a", "b", "c").total()).isEqualTo(10);
        assertThat(p.path("main", "x", "b", "c").total()).isEqualTo(20);
        Frame q = FlameTransforms.prune(TREE, 0.25);  // >= 13
        assertThat(q.path("main", "a", "b", "c")).isNull();
        assertThat(q.path("main", "a", "b").self()).isEqualTo(5);
        assertThat(q.path("main", "a", "b").total()).isEqualTo(15);
    }

    @Test
    void diffCarriesBaselineTotals() {
        Frame before = CollapsedStacks.parse("main;a 30\nmain;b 70\n");
        Frame after = CollapsedStacks.parse("main;a 60\nmain;c 40\n");
        Frame d = FlameTransforms.diff(before, after);
        assertThat(d.isDifferential()).isTrue();
        assertThat(d.total()).isEqualTo(100);
        assertThat(d.baseline()).isEqualTo(100);
        assertThat(d.path("main", "a").total()).isEqualTo(60);
        assertThat(d.path("main", "a").baseline()).isEqualTo(30);
        assertThat(d.path("main", "c").baseline()).isZero();
        assertThat(d.path("main", "b").total()).isZero();
        assertThat(d.path("main", "b").baseline()).isEqualTo(70);
        // Transforms keep baselines: reversing a diff tree keeps each leaf's baseline self weight.
        Frame r = FlameTransforms.reverse(d);
        assertThat(r.child("b").baseline()).isEqualTo(70);
        assertThat(r.child("a").baseline()).isEqualTo(30);
        assertThat(r.child("a").total()).isEqualTo(60);
    }
}
