package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code heap why}'s merged paths are a tree as deep as the longest path (a 2,000,000-node linked
 * list gives a 2,000,000-deep chain): comparing, hashing and printing a row must not recurse.
 */
class WhyAliveGroupTest {
    private static final int DEPTH = 2_000_000;

    /** A chain {@code depth} rows deep, the deepest row's example address {@code lastAddress}. */
    private static WhyAlive.Group chain(int depth, long lastAddress) {
        WhyAlive.Group g = new WhyAlive.Group("a.Node", "next", 1, 1, 24, null, lastAddress, List.of());
        for (int i = depth - 2; i >= 0; i--) {
            g = new WhyAlive.Group("a.Node", i == 0 ? null : "next", 1, 1, 24, i == 0 ? "Java Frame" : null, 0x1000 + i,
                    List.of(g));
        }
        return g;
    }

    @Test
    void aChainTwoMillionDeepComparesHashesAndPrintsWithoutRecursing() {
        WhyAlive.Group a = chain(DEPTH, 0x42);
        WhyAlive.Group b = chain(DEPTH, 0x42);
        WhyAlive.Group differentAtTheBottom = chain(DEPTH, 0x43);

        assertThat(a.equals(b)).isTrue();
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a.equals(differentAtTheBottom)).isFalse();
        assertThat(a.hashCode()).isNotEqualTo(differentAtTheBottom.hashCode());
        assertThat(a.toString()).isEqualTo("Group[className=a.Node, field=null, nodes=1, objects=1, objectsShallow=24,"
                + " rootKinds=Java Frame, exampleAddress=0x1000, children=1]");
        // An assertion's failure message prints both: one row each, not two million.
        assertThatThrownBy(() -> assertThat(a).isEqualTo(differentAtTheBottom)).isInstanceOf(AssertionError.class)
                .message().hasSizeLessThan(1_000);
    }

    @Test
    void equalityIsStillByValue() {
        WhyAlive.Group leaf = new WhyAlive.Group("a.V", "[]", 3, 3, 48, null, 0x60, List.of());
        WhyAlive.Group root = new WhyAlive.Group("class a.R", null, 1, 3, 48, "System Class", 0x50, List.of(leaf));
        WhyAlive.Group same = new WhyAlive.Group("class a.R", null, 1, 3, 48, "System Class", 0x50,
                List.of(new WhyAlive.Group("a.V", "[]", 3, 3, 48, null, 0x60, List.of())));
        WhyAlive.Group otherField = new WhyAlive.Group("class a.R", null, 1, 3, 48, "System Class", 0x50,
                List.of(new WhyAlive.Group("a.V", "items", 3, 3, 48, null, 0x60, List.of())));
        WhyAlive.Group moreChildren = new WhyAlive.Group("class a.R", null, 1, 3, 48, "System Class", 0x50,
                List.of(leaf, leaf));
        assertThat(root).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(root).isNotEqualTo(otherField).isNotEqualTo(moreChildren).isNotEqualTo(leaf).isNotEqualTo(null);
        assertThat(new WhyAlive.Group("x", null, 0, 0, 0, null, 0, null).children()).isEmpty();
    }
}
