package dev.inquest.jfr.diff;

import dev.inquest.jfr.stack.Weight;

/** Differential stack tree between a baseline and an after tree (two recordings, or two time ranges of one). */
public record DiffTree(DiffNode root, Weight weight, long baselineTotal, long afterTotal) {
}
