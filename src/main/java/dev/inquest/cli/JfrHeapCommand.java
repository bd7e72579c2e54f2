package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.heap.HeapTimeline;
import dev.inquest.link.RecordingEvidence;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code inquest jfr heap RECORDING [--json]}: the window's "Heap over time": collections, samples and the live-set trend. */
@Command(name = "heap", mixinStandardHelpOptions = true,
        description = "Heap over time: each collection (cause, pauses, heap before and after), heap, resident set and "
                + "metaspace samples, and the trend of the heap after GC.")
public final class JfrHeapCommand extends RecordingVerb<HeapTimeline> {
    @Override
    HeapTimeline ask(Recording r, Progress progress) throws IOException {
        return r.heapTimeline(progress);
    }

    @Override
    void print(HeapTimeline t, PrintWriter out) {
        out.println(RecordingEvidence.describe(t.trend()));
        out.println();
        output.table(List.of("GC", "Collector", "Cause", "Longest pause", "Heap before", "Heap after"), t.collections().stream()
                .map(c -> List.of(Long.toString(c.gcId()), c.name(), String.valueOf(c.cause()),
                        c.longestPause() == null ? "" : Units.duration(c.longestPause().toNanos()),
                        Units.bytes(c.heapBefore()), Units.bytes(c.heapAfter())))
                .toList(), new boolean[] {true, false, false, true, true, true});
    }
}
