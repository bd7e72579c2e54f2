package dev.inquest.jfr.diff;

import dev.inquest.jfr.stack.FrameType;
import java.util.List;

/**
 * One frame of a {@link DiffTree}: raw weights of both sides and their shares of each side's
 * total, so growth and shrinkage compare fairly between recordings of different lengths.
 *
 * @param baselineShare baselineTotal / baseline root total (0..1)
 * @param afterShare    afterTotal / after root total (0..1)
 */
public record DiffNode(String name, FrameType type, long baselineSelf, long baselineTotal, long afterSelf,
                       long afterTotal, double baselineShare, double afterShare, List<DiffNode> children) {

    /** Change in share of the whole: positive grew, negative shrank. */
    public double delta() {
        return afterShare - baselineShare;
    }

    public DiffNode child(String childName) {
        for (DiffNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }
}
