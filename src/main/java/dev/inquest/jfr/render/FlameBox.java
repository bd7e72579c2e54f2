package dev.inquest.jfr.render;

/**
 * One frame placed on a flame graph: horizontal position and width as fractions of the root,
 * depth from the root (0 = root), and what to paint.
 */
record FlameBox(double x, double width, int depth, String name, String fill, String tooltip) {
}
