package dev.inquest.jfr.rules;

/** The rules Inquest runs over a recording, with the name the faces show. */
public enum RuleId {
    LIVE_SET_GROWTH("Live set after GC growing"),
    GC_PAUSE_RATIO("GC pause ratio"),
    LONG_GC_PAUSES("Longest GC pauses"),
    FULL_GC("Full collections"),
    SYSTEM_GC("System.gc() calls"),
    ALLOCATION_STALLS("Allocation stalls and GC that could not keep up"),
    ALLOCATION_PRESSURE("Allocation pressure"),
    TLAB_RATIO("Allocation outside TLABs"),
    METASPACE_GROWTH("Metaspace after GC growing"),
    CLASS_LOADING("Class loading growth and class-loader leaks"),
    CODE_CACHE("Code cache"),
    FINALIZERS("Finalizers"),
    STRING_DEDUPLICATION("String deduplication"),
    PHYSICAL_MEMORY("Physical memory"),
    RESIDENT_SET_VS_HEAP("Process memory outside the heap"),
    DIRECT_BUFFERS("Direct buffer memory"),
    NATIVE_MEMORY_TRACKING("Native memory by category (NMT)");

    private final String title;

    RuleId(String title) {
        this.title = title;
    }

    /** The rule's name as shown. */
    public String title() {
        return title;
    }
}
