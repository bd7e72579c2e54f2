package dev.inquest.heap.model;

import java.nio.file.Path;

/** Lets tests in other packages (the CLI's) use the shared workload dump. */
public final class ShapesDumpAccess {
    private ShapesDumpAccess() {
    }

    public static Path plain() {
        return ShapesDump.plain();
    }

    /** The node a static field of {@code HeapShapes} points at. */
    public static long staticNode(HeapDump d, String name) {
        return HeapWorkloadTest.staticsOf(d).get(name);
    }
}
