package dev.inquest.jfr.render;

import dev.inquest.jfr.diff.DiffNode;
import java.util.List;

/**
 * A differential tree as the flame graph sees it: widths are the later recording's weights, and
 * each frame carries its baseline weight so the control colours growth and shrinkage by share.
 */
public record DiffFlame(DiffNode node) implements FlameNode {
    @Override
    public String label() {
        return node.name();
    }

    @Override
    public FrameKind kind() {
        return StackTreeFlame.kind(node.type());
    }

    @Override
    public long total() {
        return node.afterTotal();
    }

    @Override
    public long self() {
        return node.afterSelf();
    }

    @Override
    public long baseline() {
        return node.baselineTotal();
    }

    @Override
    public List<? extends FlameNode> children() {
        return node.children().stream().filter(c -> c.afterTotal() > 0).map(DiffFlame::new).toList();
    }
}
