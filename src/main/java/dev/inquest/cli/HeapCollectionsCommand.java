package dev.inquest.cli;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.CollectionFill;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest heap collections DUMP [--top N] [--json]}: fill ratio and size buckets. */
@Command(name = "collections", mixinStandardHelpOptions = true,
        description = "Fill ratio and size buckets of the common JDK collections and object arrays, most wasted bytes first.")
public final class HeapCollectionsCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Option(names = "--top", paramLabel = "N", description = "Show the N largest rows (default ${DEFAULT-VALUE}).")
    int top = 25;

    @Override
    public Integer call() throws Exception {
        if (top < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must not be negative");
        }
        try (HeapDump d = open()) {
            List<CollectionFill.Row> rows = CollectionFill.compute(d, Progress.NONE);
            rows = rows.subList(0, Math.min(top, rows.size()));
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (CollectionFill.Row r : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("class", r.className());
                    m.put("count", r.instances());
                    m.put("empty", r.empty());
                    m.put("size", r.size());
                    m.put("capacity", r.capacity());
                    m.put("fillRatio", Math.round(r.fillRatio() * 10_000) / 10_000.0);
                    m.put("wastedBytes", r.wastedBytes());
                    Map<String, Long> buckets = new LinkedHashMap<>();
                    for (int i = 0; i < r.buckets().length; i++) {
                        buckets.put(CollectionFill.BUCKET_LABELS.get(i), r.buckets()[i]);
                    }
                    m.put("buckets", buckets);
                    m.put("largest", hex(d.address(r.largest())));
                    m.put("largestSize", r.largestSize());
                    m.put("largestCapacity", r.largestCapacity());
                    out.add(m);
                }
                printJson(out);
                return 0;
            }
            warnIfTruncated(d);
            List<List<String>> t = new ArrayList<>();
            for (CollectionFill.Row r : rows) {
                long[] b = r.buckets();
                t.add(List.of(r.className(), Units.count(r.instances()), Units.count(r.empty()), Units.percent(r.fillRatio()),
                        Units.bytes(r.wastedBytes()), Units.count(b[1]), Units.count(b[2]), Units.count(b[3]), Units.count(b[4]),
                        Units.count(b[5] + b[6]), Units.count(r.largestSize())));
            }
            table(List.of("Class", "Count", "Empty", "Fill", "Wasted", "1", "2-10", "11-100", "101-1,000", ">1,000", "Largest"),
                    t, new boolean[] {false, true, true, true, true, true, true, true, true, true, true});
            return 0;
        }
    }
}
