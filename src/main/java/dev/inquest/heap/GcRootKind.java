package dev.inquest.heap;

import dev.inquest.heap.hprof.Tags;

/**
 * GC root kinds, named as MAT names them. In the heap engine's root package because both its door
 * ({@code heap.model}: {@code GcRoot}, root counts) and its index (which folds thread-local roots
 * into edges) need it, and the index must not import the door.
 */
public enum GcRootKind {
    UNKNOWN(Tags.ROOT_UNKNOWN, "Unknown"),
    JNI_GLOBAL(Tags.ROOT_JNI_GLOBAL, "JNI Global"),
    JNI_LOCAL(Tags.ROOT_JNI_LOCAL, "JNI Local"),
    JAVA_FRAME(Tags.ROOT_JAVA_FRAME, "Java Local"),
    NATIVE_STACK(Tags.ROOT_NATIVE_STACK, "Native Stack"),
    STICKY_CLASS(Tags.ROOT_STICKY_CLASS, "System Class"),
    THREAD_BLOCK(Tags.ROOT_THREAD_BLOCK, "Thread Block"),
    MONITOR_USED(Tags.ROOT_MONITOR_USED, "Busy Monitor"),
    THREAD_OBJECT(Tags.ROOT_THREAD_OBJ, "Thread");

    private final int tag;
    private final String label;

    GcRootKind(int tag, String label) {
        this.tag = tag;
        this.label = label;
    }

    public int tag() {
        return tag;
    }

    public String label() {
        return label;
    }

    /** Kinds MAT folds into edges from their thread (only roots themselves when the thread is unknown). */
    public boolean threadLocal() {
        return this == JNI_LOCAL || this == JAVA_FRAME || this == NATIVE_STACK || this == THREAD_BLOCK;
    }

    public static GcRootKind of(int tag) {
        for (GcRootKind k : values()) {
            if (k.tag == tag) {
                return k;
            }
        }
        throw new IllegalArgumentException("root tag " + tag);
    }
}
