package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.alloc.AllocationTables;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTreeQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest jfr allocations RECORDING [--top N] [--json]}: the allocation tables of the window's Allocations view. */
@Command(name = "allocations", mixinStandardHelpOptions = true,
        description = "Allocated bytes by class, by allocating method and by thread, largest first.")
public final class JfrAllocationsCommand implements Callable<Integer> {
    @CommandLine.Mixin
    RecordingArgument input;

    @CommandLine.Mixin
    OutputFormat output;

    @CommandLine.Mixin
    TopOption top;

    @Override
    public Integer call() throws Exception {
        RecordingAnswer<AllocationTables> a = Meter.run(progress -> {
            try (Recording r = input.open(progress)) {
                AllocationTables t = r.allocationTables(r.stacks(StackTreeQuery.of(EventKind.ALLOC), progress), progress);
                return RecordingAnswer.of(r, new AllocationTables(first(t.byClass()), first(t.byTopFrame()),
                        first(t.byThread()), t.total()));
            }
        });
        if (output.json()) {
            output.printJson(a);
            return 0;
        }
        if (a.truncated()) {
            output.out().println("Cut short: " + a.missing() + "; the figures count the complete chunks only.");
        }
        AllocationTables t = a.answer();
        output.out().println("Allocated " + Units.bytes(t.total()) + " (sampled)");
        boolean[] right = {false, true, true};
        output.out().println();
        output.table(List.of("Class", "Bytes", "Share"), rows(t.byClass()), right);
        output.out().println();
        output.table(List.of("Allocating method", "Bytes", "Share"), rows(t.byTopFrame()), right);
        if (!t.byThread().isEmpty()) {
            output.out().println();
            output.table(List.of("Thread", "During recording", "Since thread start"), t.byThread().stream()
                    .map(r -> List.of(r.thread(), Units.bytes(r.allocatedDuringRecording()), Units.bytes(r.allocatedSinceStart())))
                    .toList(), right);
        }
        output.out().flush();
        return 0;
    }

    private <T> List<T> first(List<T> rows) {
        return rows.subList(0, Math.min(rows.size(), top.get()));
    }

    private static List<List<String>> rows(List<AllocationTables.Row> rows) {
        return rows.stream().map(r -> List.of(r.key(), Units.bytes(r.bytes()), Units.percent(r.share()))).toList();
    }
}
