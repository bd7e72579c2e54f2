package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The side area's place as a pure choice (issue 18): beside while both fit, else below; the user's width while it fits. */
class SidePlacementTest {
    private static final double VIEW_MIN = HeapDocument.VIEW_MIN;
    /** A split's height where the side's minimum height does not bind (1920x1080 at 100 % type is 930). */
    private static final double H = 720;

    @Test
    void besideWithTheDefaultShareWhereBothFit() {
        // 1280 wide, no notebook: 1234 px with the navigation as icons.
        SidePlacement.Placement p = SidePlacement.choose(1234, H, 1, VIEW_MIN, Double.NaN, Double.NaN, false);
        assertThat(p.beside()).isTrue();
        assertThat(p.sideWidth()).isEqualTo(Math.min(1234 * SidePlacement.SIDE_SHARE, 1234 - SidePlacement.DIVIDER - VIEW_MIN));
        assertThat(1234 - p.sideWidth() - SidePlacement.DIVIDER).as("the view keeps its minimum").isGreaterThanOrEqualTo(VIEW_MIN);
    }

    @Test
    void belowWhereTheViewWouldLoseItsMinimum() {
        // 1280 wide with the notebook: 808 px; 1024 with it: 674 px. Neither leaves the side 360 px.
        assertThat(SidePlacement.choose(808, H, 1, VIEW_MIN, Double.NaN, Double.NaN, true).beside()).isFalse();
        assertThat(SidePlacement.choose(674, H, 1, VIEW_MIN, Double.NaN, Double.NaN, true).beside()).isFalse();
        // At 150 % type both minimums grow: 1280 without the notebook is too narrow.
        assertThat(SidePlacement.choose(1234, H, 1.5, VIEW_MIN * 1.5, Double.NaN, Double.NaN, true).beside()).isFalse();
        assertThat(SidePlacement.choose(674, H, 1, VIEW_MIN, Double.NaN, Double.NaN, true).viewShareBelow())
                .isEqualTo(SidePlacement.VIEW_SHARE_BELOW);
    }

    @Test
    void theUsersWidthWhileItFitsThenClampedThenBelow() {
        assertThat(SidePlacement.choose(1600, H, 1, VIEW_MIN, 400, Double.NaN, true).sideWidth()).isEqualTo(400);
        // Wider than the view's minimum leaves: the side gets what is left, not the view's names.
        double room = 1200 - SidePlacement.DIVIDER - VIEW_MIN;
        assertThat(SidePlacement.choose(1200, H, 1, VIEW_MIN, 700, Double.NaN, true).sideWidth()).isEqualTo(room);
        // Narrower than its minimum: the minimum.
        assertThat(SidePlacement.choose(1600, H, 1, VIEW_MIN, 100, Double.NaN, true).sideWidth()).isEqualTo(SidePlacement.SIDE_MIN);
        assertThat(SidePlacement.choose(900, H, 1, VIEW_MIN, Double.NaN, 0.7, true).viewShareBelow()).isEqualTo(0.7);
    }

    /**
     * Below, the side gets the height of its head and five rows before the view its default share
     * (issue 18: at 1024x700 and 150 % type the side had 45 % of about 410 px, and its fields no
     * row); the view keeps its tool bar and first rows; the user's divider stays as dragged.
     */
    @Test
    void belowTheSideGetsItsRowsAndTheViewKeepsItsFirst() {
        // A split 700 px high at 150 % type (a desktop window).
        double height = 700;
        SidePlacement.Placement p = SidePlacement.choose(930, height, 1.5, VIEW_MIN * 1.5, Double.NaN, Double.NaN, false);
        assertThat(p.beside()).isFalse();
        double side = height * (1 - p.viewShareBelow()) - SidePlacement.DIVIDER;
        double view = height * p.viewShareBelow();
        assertThat(side).as("the side's minimum at 150 %").isCloseTo(SidePlacement.SIDE_MIN_HEIGHT * 1.5, org.assertj.core.data.Offset.offset(0.5));
        assertThat(view).as("the view keeps its first rows").isGreaterThanOrEqualTo(SidePlacement.VIEW_MIN_HEIGHT * 1.5);
        assertThat(p.viewShareBelow()).isLessThan(SidePlacement.VIEW_SHARE_BELOW);
        // Too low for both: the view keeps its own minimum, the side takes the rest.
        SidePlacement.Placement low = SidePlacement.choose(930, 300, 1.5, VIEW_MIN * 1.5, Double.NaN, Double.NaN, false);
        assertThat(300 * low.viewShareBelow()).isCloseTo(SidePlacement.VIEW_MIN_HEIGHT * 1.5, org.assertj.core.data.Offset.offset(0.5));
        // Where the default share leaves the side its rows, the default share.
        assertThat(SidePlacement.choose(674, H, 1, VIEW_MIN, Double.NaN, Double.NaN, false).viewShareBelow())
                .isEqualTo(SidePlacement.VIEW_SHARE_BELOW);
        // The user's divider, even where it leaves the side less.
        assertThat(SidePlacement.choose(930, height, 1.5, VIEW_MIN * 1.5, Double.NaN, 0.7, false).viewShareBelow()).isEqualTo(0.7);
    }

    @Test
    void besideAgainOnlyWithALittleMoreRoomThanItLeftAt() {
        double edge = VIEW_MIN + SidePlacement.DIVIDER + SidePlacement.SIDE_MIN;
        assertThat(SidePlacement.choose(edge, H, 1, VIEW_MIN, Double.NaN, Double.NaN, true).beside()).isTrue();
        assertThat(SidePlacement.choose(edge, H, 1, VIEW_MIN, Double.NaN, Double.NaN, false).beside()).isFalse();
        assertThat(SidePlacement.choose(edge + SidePlacement.HYSTERESIS, H, 1, VIEW_MIN, Double.NaN, Double.NaN, false).beside()).isTrue();
        assertThat(SidePlacement.choose(edge - 1, H, 1, VIEW_MIN, Double.NaN, Double.NaN, true).beside()).isFalse();
    }
}
