package dev.inquest.jfr.read.rules;

import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.read.NativeMemoryReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.EventStream;

/**
 * The recording's memory beyond the heap for the rules that judge it: the same series the Native
 * memory view and {@code inquest jfr native} show ({@link NativeMemoryReader}), collected in the
 * rule set's one pass, so a rule's figures are the chart's.
 */
final class NativeProbe implements Probe<NativeProbe> {
    static final Probe.Kind<NativeProbe> KIND = new Probe.Kind<>("native", NativeMemoryReader.EVENTS, NativeProbe::new);

    private final List<NativeMemoryReader.Part> parts = new ArrayList<>(List.of(new NativeMemoryReader.Part()));
    private NativeMemory memory;

    NativeProbe() {
    }

    /** A probe that found {@code memory} (tests of the rules' judgement on shapes no workload makes reliably). */
    NativeProbe(NativeMemory memory) {
        this.memory = memory;
    }

    @Override
    public void subscribe(EventStream stream, Runnable tick) {
        parts.getFirst().subscribe(stream, tick);
    }

    @Override
    public void merge(NativeProbe other) {
        parts.addAll(other.parts);
    }

    /** The series over the whole recording (built once, on the merged probe). */
    NativeMemory memory(Duration length) {
        if (memory == null) {
            memory = NativeMemoryReader.build(parts, length);
        }
        return memory;
    }
}
