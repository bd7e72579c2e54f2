package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.CollectionFill;
import dev.inquest.progress.Progress;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap collections DUMP [--top N] [--json]}: fill ratio and size buckets. */
@Command(name = "collections", mixinStandardHelpOptions = true,
        description = "Fill ratio and size buckets of the common JDK collections and object arrays, most wasted bytes first.")
public final class HeapCollectionsCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Mixin
    TopOption top;

    @Override
    public Integer call() throws Exception {
        try (HeapDump d = open()) {
            List<CollectionFill.Row> rows = top.of(CollectionFill.compute(d, Progress.NONE));
            printRows(d, rows,
                    List.of("Class", "Count", "Empty", "Fill", "Wasted", "1", "2-10", "11-100", "101-1,000", ">1,000", "Largest"),
                    new boolean[] {false, true, true, true, true, true, true, true, true, true, true},
                    r -> {
                        long[] b = r.buckets();
                        return List.of(r.className(), Units.count(r.instances()), Units.count(r.empty()), Units.percent(r.fillRatio()),
                                Units.bytes(r.wastedBytes()), Units.count(b[1]), Units.count(b[2]), Units.count(b[3]),
                                Units.count(b[4]), Units.count(b[5] + b[6]), Units.count(r.largestSize()));
                    });
            return 0;
        }
    }
}
