package dev.inquest.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.inquest.format.Units;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code inquest jfr native RECORDING [--json]}: memory beyond the heap over time, the window's
 * "Native memory" view: each series' first, last, lowest, highest value and growth, the gap between
 * resident set and committed heap, and the series the recording lacks with the reason.
 */
@Command(name = "native", mixinStandardHelpOptions = true,
        description = "Memory beyond the heap over time: resident set size, committed heap, heap after GC, metaspace, "
                + "code cache, direct buffers and native memory tracking per category, with the gap between the "
                + "resident set and the committed heap.")
public final class JfrNativeCommand extends RecordingVerb<JfrNativeCommand.Answer> {
    /** The engine's answer with its one-sentence headline beside it. */
    record Answer(@JsonUnwrapped NativeMemory memory, String headline) {
    }

    @Override
    Answer ask(Recording r, Progress progress) throws IOException {
        NativeMemory m = r.nativeMemory(progress);
        return new Answer(m, m.headline());
    }

    @Override
    void print(Answer a, PrintWriter out) {
        NativeMemory m = a.memory();
        out.println(a.headline());
        out.println();
        List<List<String>> rows = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (NativeMemory.Series s : m.series()) {
            if (!s.recorded()) {
                absent.add(s.label() + ": " + s.absence());
                continue;
            }
            NativeMemory.Stats st = s.stats();
            boolean bytes = s.kind().bytes();
            rows.add(List.of(s.label(), value(st.first(), bytes), value(st.last(), bytes), value(st.min(), bytes),
                    value(st.max(), bytes), bytes ? Units.bytesDelta(st.growth()) : Units.countDelta(st.growth()),
                    st.rateStated() ? (bytes ? Units.bytesDelta(st.perMinute()) : Units.countDelta(Math.round(st.perMinute())))
                            + " / min" : "", Units.count(st.points())));
        }
        output.table(List.of("Series", "First", "Last", "Min", "Max", "Growth", "Rate", "Points"), rows,
                new boolean[] {false, true, true, true, true, true, true, true});
        if (!absent.isEmpty()) {
            out.println();
            out.println("Not in this recording:");
            absent.forEach(line -> out.println("  " + line));
        }
        if (m.directLimit() >= 0 || m.heapMax() >= 0) {
            out.println();
            if (m.heapMax() >= 0) {
                out.println("Maximum heap: " + Units.bytes(m.heapMax()));
            }
            if (m.directLimit() >= 0) {
                out.println("Direct buffer limit: " + Units.bytes(m.directLimit()));
            }
        }
    }

    private static String value(long v, boolean bytes) {
        return bytes ? Units.bytes(v) : Units.count(v);
    }
}
