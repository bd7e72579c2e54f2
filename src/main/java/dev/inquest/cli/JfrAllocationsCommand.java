package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.alloc.AllocationTables;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest jfr allocations RECORDING [--top N] [--json]}: the allocation tables of the window's Allocations view. */
@Command(name = "allocations", mixinStandardHelpOptions = true,
        description = "Allocated bytes by class, by allocating method and by thread, largest first.")
public final class JfrAllocationsCommand extends RecordingVerb<AllocationTables> {
    @CommandLine.Mixin
    TopOption top;

    @Override
    AllocationTables ask(Recording r, Progress progress) throws IOException {
        AllocationTables t = r.allocationTables(r.stacks(StackTreeQuery.of(EventKind.ALLOC), progress), progress);
        return new AllocationTables(first(t.byClass()), first(t.byTopFrame()), first(t.byThread()), t.total());
    }

    @Override
    void print(AllocationTables t, PrintWriter out) {
        out.println("Allocated " + Units.bytes(t.total()) + " (sampled)");
        boolean[] right = {false, true, true};
        out.println();
        output.table(List.of("Class", "Bytes", "Share"), rows(t.byClass()), right);
        out.println();
        output.table(List.of("Allocating method", "Bytes", "Share"), rows(t.byTopFrame()), right);
        if (!t.byThread().isEmpty()) {
            out.println();
            output.table(List.of("Thread", "During recording", "Since thread start"), t.byThread().stream()
                    .map(r -> List.of(r.thread(), Units.bytes(r.allocatedDuringRecording()), Units.bytes(r.allocatedSinceStart())))
                    .toList(), right);
        }
    }

    private <T> List<T> first(List<T> rows) {
        return rows.subList(0, Math.min(rows.size(), top.get()));
    }

    private static List<List<String>> rows(List<AllocationTables.Row> rows) {
        return rows.stream().map(r -> List.of(r.key(), Units.bytes(r.bytes()), Units.percent(r.share()))).toList();
    }
}
