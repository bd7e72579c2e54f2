package dev.inquest.jfr.stack;

import java.util.List;

/** Which events a stack tree is built from. */
public enum EventKind {
    /** jdk.ObjectAllocationSample when present, else the TLAB events (JDK 11-15, async-profiler). */
    ALLOC(Weight.BYTES, List.of(EventTypes.ALLOC_SAMPLE, EventTypes.NEW_TLAB, EventTypes.OUTSIDE_TLAB)),
    /** jdk.ExecutionSample. */
    CPU(Weight.COUNT, List.of(EventTypes.EXECUTION_SAMPLE)),
    /** jdk.JavaMonitorEnter and jdk.ThreadPark, weighted by blocked time. */
    LOCK(Weight.NANOS, List.of(EventTypes.MONITOR_ENTER, EventTypes.THREAD_PARK));

    private final Weight defaultWeight;
    private final List<String> eventTypes;

    EventKind(Weight defaultWeight, List<String> eventTypes) {
        this.defaultWeight = defaultWeight;
        this.eventTypes = eventTypes;
    }

    public Weight defaultWeight() {
        return defaultWeight;
    }

    public List<String> eventTypes() {
        return eventTypes;
    }
}
