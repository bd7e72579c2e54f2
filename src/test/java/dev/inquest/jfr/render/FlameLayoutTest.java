package dev.inquest.jfr.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FlameLayoutTest {
    /** all=100: main=100: half=50 (leaf: deep chain of 3 below), quarter=25, rest=20, self 5 in main. */
    static final Frame TREE = CollapsedStacks.parse("""
            main;half;h1;h2 50
            main;quarter 25
            main;rest 20
            main 5
            """);

    record Rect(double x, double y, double w, double h) {
    }

    static Map<String, Rect> rects(FlameIndex index, FlameLayout layout) {
        Map<String, Rect> out = new HashMap<>();
        layout.layout(index, (i, x, y, w, h) -> out.put(index.label(i), new Rect(x, y, w, h)));
        return out;
    }

    @Test
    void widthsFollowWeightsAndChildrenFollowTheirOrder() {
        FlameIndex index = FlameIndex.of(TREE);
        FlameLayout l = new FlameLayout(0, 100, 800, 400, 20, FlameLayout.Orientation.FLAME, 0);
        Map<String, Rect> r = rects(index, l);
        assertThat(r.get("all").w()).isCloseTo(800, within(1.0));
        assertThat(r.get("half").w()).isCloseTo(400, within(1.0));
        assertThat(r.get("quarter").w()).isCloseTo(200, within(1.0));
        assertThat(r.get("rest").w()).isCloseTo(160, within(1.0));
        assertThat(r.get("half").x()).isCloseTo(0, within(1.0));
        assertThat(r.get("quarter").x()).isCloseTo(400, within(1.0));
        assertThat(r.get("rest").x()).isCloseTo(600, within(1.0));
        assertThat(r.get("h2").x()).isCloseTo(0, within(1.0));
    }

    @Test
    void flameGrowsUpIcicleHangsDown() {
        FlameIndex index = FlameIndex.of(TREE);
        FlameLayout flame = new FlameLayout(0, 100, 800, 400, 20, FlameLayout.Orientation.FLAME, 0);
        Map<String, Rect> f = rects(index, flame);
        assertThat(f.get("all").y()).isEqualTo(380);
        assertThat(f.get("main").y()).isEqualTo(360);
        assertThat(f.get("h2").y()).isEqualTo(300);
        FlameLayout icicle = new FlameLayout(0, 100, 800, 400, 20, FlameLayout.Orientation.ICICLE, 0);
        Map<String, Rect> i = rects(index, icicle);
        assertThat(i.get("all").y()).isEqualTo(0);
        assertThat(i.get("main").y()).isEqualTo(20);
        assertThat(i.get("h2").y()).isEqualTo(80);
    }

    @Test
    void hitTestFindsTheFrameUnderThePoint() {
        FlameIndex index = FlameIndex.of(TREE);
        for (FlameLayout.Orientation o : FlameLayout.Orientation.values()) {
            FlameLayout l = new FlameLayout(0, 100, 800, 400, 20, o, 0);
            Map<String, Rect> r = rects(index, l);
            for (var e : r.entrySet()) {
                Rect rect = e.getValue();
                int hit = l.hit(index, rect.x() + rect.w() / 2, rect.y() + rect.h() / 2);
                assertThat(hit).as(o + " " + e.getKey()).isGreaterThanOrEqualTo(0);
                assertThat(index.label(hit)).as(o.toString()).isEqualTo(e.getKey());
                // Edges belong to the frame too.
                assertThat(index.label(l.hit(index, rect.x() + 0.01, rect.y() + 0.01))).isEqualTo(e.getKey());
                assertThat(index.label(l.hit(index, rect.x() + rect.w() - 0.01, rect.y() + rect.h() - 0.01))).isEqualTo(e.getKey());
            }
            // The gap left by main's self weight at depth 2 (x 760..800) holds no frame.
            int gapRow = o == FlameLayout.Orientation.FLAME ? 350 : 50;
            assertThat(l.hit(index, 790, gapRow)).isEqualTo(-1);
            // Rows above the deepest frame are empty.
            assertThat(l.hit(index, 10, o == FlameLayout.Orientation.FLAME ? 10 : 390)).isEqualTo(-1);
        }
    }

    @Test
    void zoomedViewFillsTheWidthWithTheFrameAndDropsItsSiblings() {
        FlameIndex index = FlameIndex.of(TREE);
        int quarter = index.find("main", "quarter");
        FlameLayout l = new FlameLayout(index.start(quarter), index.start(quarter) + index.total(quarter), 1000, 400, 20,
                FlameLayout.Orientation.FLAME, 0);
        Map<String, Rect> r = rects(index, l);
        assertThat(r.get("quarter").x()).isZero();
        assertThat(r.get("quarter").w()).isCloseTo(1000, within(0.5));
        assertThat(r.get("main").w()).isCloseTo(1000, within(0.5));   // ancestors clipped to the view
        assertThat(r).doesNotContainKeys("half", "rest", "h1", "h2");
        assertThat(index.label(l.hit(index, 500, 350))).isEqualTo("quarter");
    }

    @Test
    void subPixelSiblingsMergeIntoOneSliverAndAreNotVisited() {
        // 2,000 leaves of weight 1 next to one of weight 1,000,000: each leaf is ~0.0008 px wide.
        StringBuilder s = new StringBuilder("main;big 1000000\n");
        for (int k = 0; k < 2000; k++) {
            s.append("main;small").append(k).append(";deeper 1\n");
        }
        FlameIndex index = FlameIndex.of(CollapsedStacks.parse(s.toString()));
        FlameLayout l = new FlameLayout(0, index.total(0), 800, 400, 20, FlameLayout.Orientation.FLAME, 0);
        List<Integer> frames = new ArrayList<>();
        List<double[]> slivers = new ArrayList<>();
        l.layout(index, new FlameLayout.Sink() {
            @Override
            public void frame(int node, double x, double y, double w, double h) {
                frames.add(node);
            }

            @Override
            public void sliver(double x, double y, double w, double h) {
                slivers.add(new double[] {x, w});
            }
        });
        assertThat(frames).extracting(index::label).containsExactly("all", "main", "big");
        assertThat(slivers).hasSize(1);
        assertThat(slivers.getFirst()[1]).isCloseTo(2000 * 800.0 / 1_002_000, within(0.01));
    }

    @Test
    void scrollingMovesDeepRowsIntoViewAndSkipsHiddenOnes() {
        FlameIndex index = FlameIndex.of(TREE);
        // 3 rows of 20 px visible; scrolled by 40 px the flame shows depths 2..4.
        FlameLayout l = new FlameLayout(0, 100, 800, 60, 20, FlameLayout.Orientation.FLAME, 40);
        Map<String, Rect> r = rects(index, l);
        assertThat(r).containsOnlyKeys("half", "quarter", "rest", "h1", "h2");
        assertThat(r.get("half").y()).isEqualTo(40);
        assertThat(l.contentHeight(index)).isEqualTo(100);
    }

    @Test
    void everyDrawnFrameIsFoundUnderItsCentreOnARandomTree() {
        FlameIndex index = FlameIndex.of(SampleProfiles.random(3000, 11));
        int zoom = index.find(index.label(1));
        for (FlameLayout l : List.of(
                new FlameLayout(0, index.total(0), 1200, 2400, 16, FlameLayout.Orientation.FLAME, 0),
                new FlameLayout(index.start(zoom), index.start(zoom) + index.total(zoom) / 3.0, 700, 800, 16,
                        FlameLayout.Orientation.ICICLE, 40))) {
            int[] drawn = {0};
            l.layout(index, (i, x, y, w, h) -> {
                drawn[0]++;
                assertThat(x).isBetween(0.0, l.width());
                assertThat(x + w).isLessThanOrEqualTo(l.width() + 1e-9);
                assertThat(w).isGreaterThanOrEqualTo(FlameLayout.MIN_PX);
                if (y >= 0 && y + h <= l.height()) {
                    assertThat(l.hit(index, x + w / 2, y + h / 2)).isEqualTo(i);
                }
            });
            assertThat(drawn[0]).isGreaterThan(20);
        }
    }

    @Test
    void searchCountsNestedMatchesOnce() {
        FlameIndex index = FlameIndex.of(CollapsedStacks.parse("""
                main;parse;parseValue;parse 30
                main;parse 10
                main;render 40
                main;doParse 20
                """));
        FlameSearch s = FlameSearch.of(index, Pattern.compile("parse", Pattern.CASE_INSENSITIVE));
        // parse (40) + doParse (20) = 60 of 100; the nested parseValue/parse are inside the first.
        assertThat(s.matchedWeight()).isEqualTo(60);
        assertThat(s.share()).isCloseTo(0.60, within(1e-9));
        assertThat(java.util.Arrays.stream(s.order()).mapToObj(index::label).toList()).containsExactly("parse", "parseValue", "parse", "doParse");
        FlameSearch none = FlameSearch.of(index, Pattern.compile("nothing"));
        assertThat(none.share()).isZero();
        assertThat(none.count()).isZero();
    }
}
