package dev.inquest.jfr.stack;

/** The JDK event type names the stack trees are built from; {@link EventKind} groups them. */
public final class EventTypes {
    public static final String ALLOC_SAMPLE = "jdk.ObjectAllocationSample";
    public static final String NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
    public static final String OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";
    public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    public static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    public static final String THREAD_PARK = "jdk.ThreadPark";

    private EventTypes() {
    }

    /**
     * The name JFR format 1.0 (JDK 9 and 10) gave the same event: {@code com.oracle.jdk.X} for
     * {@code jdk.X}, with the same fields for the events above, so they are read alike.
     */
    public static String legacy(String type) {
        return "com.oracle." + type;
    }
}
