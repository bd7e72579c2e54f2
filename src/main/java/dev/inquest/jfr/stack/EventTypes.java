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
}
