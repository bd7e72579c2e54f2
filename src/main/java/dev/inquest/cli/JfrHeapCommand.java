package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.heap.HeapTimeline;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest jfr heap RECORDING [--json]}: the window's "Heap over time": collections, samples and the live-set trend. */
@Command(name = "heap", mixinStandardHelpOptions = true,
        description = "Heap over time: each collection (cause, pauses, heap before and after), heap, resident set and "
                + "metaspace samples, and the trend of the heap after GC.")
public final class JfrHeapCommand implements Callable<Integer> {
    @CommandLine.Mixin
    RecordingArgument input;

    @CommandLine.Mixin
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        RecordingAnswer<HeapTimeline> a = Meter.run(progress -> {
            try (Recording r = input.open(progress)) {
                return RecordingAnswer.of(r, r.heapTimeline(progress));
            }
        });
        if (output.json()) {
            output.printJson(a);
            return 0;
        }
        if (a.truncated()) {
            output.out().println("Cut short: " + a.missing() + "; the figures count the complete chunks only.");
        }
        HeapTimeline t = a.answer();
        HeapTimeline.LiveSetTrend trend = t.trend();
        output.out().println(trend == null ? "No live-set trend (no collections recorded)"
                : "Live set after GC: " + (trend.bytesPerMinute() >= 0 ? "+" : "-") + Units.bytes((long) Math.abs(trend.bytesPerMinute()))
                        + " / min over " + Units.count(trend.collections()) + " collections"
                        + (trend.caveat() != null ? " (" + trend.caveat() + ")" : ""));
        output.out().println();
        output.table(List.of("GC", "Collector", "Cause", "Longest pause", "Heap before", "Heap after"), t.collections().stream()
                .map(c -> List.of(Long.toString(c.gcId()), c.name(), String.valueOf(c.cause()),
                        c.longestPause() == null ? "" : Units.duration(c.longestPause().toNanos()),
                        Units.bytes(c.heapBefore()), Units.bytes(c.heapAfter())))
                .toList(), new boolean[] {true, false, false, true, true, true});
        output.out().flush();
        return 0;
    }
}
