package dev.inquest.jfr.render;

import dev.inquest.jfr.stack.FrameType;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.Weight;
import java.util.List;

/**
 * The JFR engine's stack tree as the flame graph control sees it. A view over the engine's
 * immutable nodes, so nothing is copied however big the profile is.
 */
public record StackTreeFlame(StackNode node) implements FlameNode {

    public static StackTreeFlame of(StackTree tree) {
        return new StackTreeFlame(tree.root());
    }

    public static WeightUnit unit(Weight weight) {
        return switch (weight) {
            case BYTES -> WeightUnit.BYTES;
            case COUNT -> WeightUnit.SAMPLES;
            case NANOS -> WeightUnit.NANOSECONDS;
        };
    }

    public static FrameKind kind(FrameType type) {
        return switch (type) {
            case INTERPRETED -> FrameKind.INTERPRETED;
            case JIT_COMPILED -> FrameKind.JIT_COMPILED;
            case INLINED -> FrameKind.INLINED;
            case NATIVE, CPP -> FrameKind.NATIVE;
            case KERNEL -> FrameKind.KERNEL;
            case CLASS -> FrameKind.ALLOCATED_CLASS;
            case ROOT, UNKNOWN -> FrameKind.UNKNOWN;
        };
    }

    @Override
    public String label() {
        return node.name();
    }

    @Override
    public FrameKind kind() {
        return kind(node.type());
    }

    @Override
    public long total() {
        return node.total();
    }

    @Override
    public long self() {
        return node.self();
    }

    @Override
    public List<? extends FlameNode> children() {
        return node.children().stream().map(StackTreeFlame::new).toList();
    }
}
