package dev.inquest.capture;

/** What a capture took; each has the file suffix a saved capture gets by default and its jcmd command. */
public enum CaptureKind {
    HEAP_DUMP("heap dump", ".hprof", "GC.heap_dump"),
    RECORDING("flight recording", ".jfr", "JFR.start"),
    CLASS_HISTOGRAM("class histogram", "-histogram.txt", "GC.class_histogram"),
    THREAD_DUMP("thread dump", "-threads.txt", "Thread.print"),
    NATIVE_MEMORY("native memory summary", "-native.txt", "VM.native_memory summary");

    private final String label;
    private final String suffix;
    private final String jcmd;

    CaptureKind(String label, String suffix, String jcmd) {
        this.label = label;
        this.suffix = suffix;
        this.jcmd = jcmd;
    }

    /** In words, for messages ("heap dump"). */
    public String label() {
        return label;
    }

    /** The end of a file name for this kind ({@code .hprof}, {@code -threads.txt}). */
    public String suffix() {
        return suffix;
    }

    /** The jcmd diagnostic command this capture runs (its words after the pid). */
    public String jcmd() {
        return jcmd;
    }

    /** The kinds that are text a JVM prints: a histogram, a thread dump, the native memory summary. */
    public boolean isText() {
        return this == CLASS_HISTOGRAM || this == THREAD_DUMP || this == NATIVE_MEMORY;
    }
}
