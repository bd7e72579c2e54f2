package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The side area's place as a pure choice (issue 18): beside while both fit, else below; the user's width while it fits. */
class SidePlacementTest {
    private static final double VIEW_MIN = HeapDocument.VIEW_MIN;

    @Test
    void besideWithTheDefaultShareWhereBothFit() {
        // 1280 wide, no notebook: 1234 px with the navigation as icons.
        SidePlacement.Placement p = SidePlacement.choose(1234, 1, VIEW_MIN, Double.NaN, Double.NaN, false);
        assertThat(p.beside()).isTrue();
        assertThat(p.sideWidth()).isEqualTo(Math.min(1234 * SidePlacement.SIDE_SHARE, 1234 - SidePlacement.DIVIDER - VIEW_MIN));
        assertThat(1234 - p.sideWidth() - SidePlacement.DIVIDER).as("the view keeps its minimum").isGreaterThanOrEqualTo(VIEW_MIN);
    }

    @Test
    void belowWhereTheViewWouldLoseItsMinimum() {
        // 1280 wide with the notebook: 808 px; 1024 with it: 674 px. Neither leaves the side 360 px.
        assertThat(SidePlacement.choose(808, 1, VIEW_MIN, Double.NaN, Double.NaN, true).beside()).isFalse();
        assertThat(SidePlacement.choose(674, 1, VIEW_MIN, Double.NaN, Double.NaN, true).beside()).isFalse();
        // At 150 % type both minimums grow: 1280 without the notebook is too narrow.
        assertThat(SidePlacement.choose(1234, 1.5, VIEW_MIN * 1.5, Double.NaN, Double.NaN, true).beside()).isFalse();
        assertThat(SidePlacement.choose(674, 1, VIEW_MIN, Double.NaN, Double.NaN, true).viewShareBelow())
                .isEqualTo(SidePlacement.VIEW_SHARE_BELOW);
    }

    @Test
    void theUsersWidthWhileItFitsThenClampedThenBelow() {
        assertThat(SidePlacement.choose(1600, 1, VIEW_MIN, 400, Double.NaN, true).sideWidth()).isEqualTo(400);
        // Wider than the view's minimum leaves: the side gets what is left, not the view's names.
        double room = 1200 - SidePlacement.DIVIDER - VIEW_MIN;
        assertThat(SidePlacement.choose(1200, 1, VIEW_MIN, 700, Double.NaN, true).sideWidth()).isEqualTo(room);
        // Narrower than its minimum: the minimum.
        assertThat(SidePlacement.choose(1600, 1, VIEW_MIN, 100, Double.NaN, true).sideWidth()).isEqualTo(SidePlacement.SIDE_MIN);
        assertThat(SidePlacement.choose(900, 1, VIEW_MIN, Double.NaN, 0.7, true).viewShareBelow()).isEqualTo(0.7);
    }

    @Test
    void besideAgainOnlyWithALittleMoreRoomThanItLeftAt() {
        double edge = VIEW_MIN + SidePlacement.DIVIDER + SidePlacement.SIDE_MIN;
        assertThat(SidePlacement.choose(edge, 1, VIEW_MIN, Double.NaN, Double.NaN, true).beside()).isTrue();
        assertThat(SidePlacement.choose(edge, 1, VIEW_MIN, Double.NaN, Double.NaN, false).beside()).isFalse();
        assertThat(SidePlacement.choose(edge + SidePlacement.HYSTERESIS, 1, VIEW_MIN, Double.NaN, Double.NaN, false).beside()).isTrue();
        assertThat(SidePlacement.choose(edge - 1, 1, VIEW_MIN, Double.NaN, Double.NaN, true).beside()).isFalse();
    }
}
