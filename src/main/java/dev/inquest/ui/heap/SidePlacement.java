package dev.inquest.ui.heap;

/**
 * Where a heap document puts its side area (inspector, paths, cross-link panels) beside the view
 * (issue 18): beside while the view keeps its minimum and the side gets its own, else below the
 * view at the full width. Before, a split gave the side whatever the view's width left, which at
 * 1024x700, with the notebook open or at 150 % type, was nothing: "Inspect" showed no inspector.
 * The user's divider is kept while it fits; the choice is pure so it can be tested without a window.
 */
final class SidePlacement {
    /** The side's width below which it goes below the view: the inspector's tables, Field, Object and Retained, at a readable width. */
    static final double SIDE_MIN = 360;
    /** The side's share of the width when the user has not chosen one (the old divider at 0.58). */
    static final double SIDE_SHARE = 0.42;
    /** The view's share of the height below which the side never takes more, when below. */
    static final double VIEW_SHARE_BELOW = 0.55;
    /**
     * The side's height below which, when below, the view gives no more (at 13 px type, scaled): the
     * side's tab, the inspector's head in its line, the fields' header and five rows beside the
     * references' tabs, header and four (issue 18: at 1024x700 and 150 % type the side got 45 % of
     * the height, about 184 px, and its fields table showed no row).
     */
    static final double SIDE_MIN_HEIGHT = 290;
    /** The view's height it keeps when below, before the side's minimum: its tool bar, its table's header and two rows. */
    static final double VIEW_MIN_HEIGHT = 116;
    /** The split's divider. */
    static final double DIVIDER = 6;
    /** Beside again only from a little more room than it left at, so a resize by a pixel does not flap. */
    static final double HYSTERESIS = 8;

    /** Beside (the side's width in px) or below (the view's share of the height, 0..1). */
    record Placement(boolean beside, double sideWidth, double viewShareBelow) {
        /** The divider position for a horizontal split of {@code width}. */
        double dividerBeside(double width) {
            return width <= 0 ? 1 - SIDE_SHARE : Math.max(0, Math.min(1, (width - sideWidth - DIVIDER / 2) / width));
        }
    }

    private SidePlacement() {
    }

    /**
     * Chooses for a split {@code width} px wide (the width it has with the navigation as icons) and
     * {@code height} px high, at a type {@code scale} (1 at 13 px).
     *
     * @param viewMin the view's minimum at this type (the documents' minimum less the icons)
     * @param userSide the side's width the user last dragged the divider to, or NaN
     * @param userViewShareBelow the view's share of the height the user last chose below, or NaN
     * @param wasBeside whether the side was beside before (for the hysteresis)
     */
    static Placement choose(double width, double height, double scale, double viewMin, double userSide,
            double userViewShareBelow, boolean wasBeside) {
        double sideMin = SIDE_MIN * scale;
        double room = width - DIVIDER - viewMin;
        double below = Double.isNaN(userViewShareBelow) ? VIEW_SHARE_BELOW : Math.max(0.2, Math.min(0.85, userViewShareBelow));
        if (height > 0 && Double.isNaN(userViewShareBelow)) {
            // The side's rows first (the user asked to inspect), then the view's first rows: where
            // both cannot have their minimum, the view keeps its own. A divider the user dragged stays.
            below = Math.min(below, (height - DIVIDER - SIDE_MIN_HEIGHT * scale) / height);
            below = Math.max(below, VIEW_MIN_HEIGHT * scale / height);
            below = Math.max(0.05, Math.min(0.95, below));
        }
        if (room < sideMin + (wasBeside ? 0 : HYSTERESIS)) {
            return new Placement(false, 0, below);
        }
        double want = Double.isNaN(userSide) ? Math.max(sideMin, width * SIDE_SHARE) : Math.max(sideMin, userSide);
        return new Placement(true, Math.min(want, room), below);
    }
}
