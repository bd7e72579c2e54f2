package dev.inquest.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.inquest.format.Units;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.events.EventColumn;
import dev.inquest.jfr.events.EventQuery;
import dev.inquest.jfr.events.EventRow;
import dev.inquest.jfr.events.EventTable;
import dev.inquest.jfr.events.EventTypeInfo;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code inquest jfr events RECORDING [--type T] [--thread S] [--text S] [--from T] [--to T]
 * [--limit N] [--json]}: the window's event browser. Without {@code --type}, every event type with
 * its count; with it, that type's events as a table of its fields (the first N).
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Every event type with its count; with --type, that type's events with their fields.",
                "--from/--to take " + JfrTimeArg.HELP + "."})
public final class JfrEventsCommand extends RecordingVerb<JfrEventsCommand.Answer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE", description = "The event type to list, e.g. jdk.ThreadPark.")
    String type;

    @Option(names = "--thread", paramLabel = "S", description = "Only events of threads whose name contains S (any case).")
    String thread;

    @Option(names = "--text", paramLabel = "S", description = "Only events with a field whose text contains S (any case).")
    String text;

    @Option(names = "--from", paramLabel = "T", description = "Only events starting at or after T.")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "Only events starting before T.")
    String to;

    private int limit = 25;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "25",
            description = "Show the first N events (default ${DEFAULT-VALUE}).")
    void limit(int n) {
        if (n < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must not be negative");
        }
        limit = n;
    }

    /**
     * The answer: {@code types} without --type; with it, {@code type}, {@code matched} (every event
     * that matches), {@code columns} and {@code events} (each a map of field name to raw value:
     * durations in nanoseconds, sizes in bytes, times as ISO instants).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Answer(List<EventTypeInfo> types, String type, Long matched, List<EventColumn> columns,
                  List<Map<String, Object>> events, @com.fasterxml.jackson.annotation.JsonIgnore List<EventRow> rows) {
    }

    @Override
    Answer ask(Recording r, Progress progress) throws IOException {
        if (type == null) {
            if (thread != null || text != null || from != null || to != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--thread, --text, --from and --to need --type");
            }
            return new Answer(r.eventTypes(progress), null, null, null, null, null);
        }
        CommandLine cl = spec.commandLine();
        EventQuery q = EventQuery.of(type).withThread(thread).withText(text)
                .withRange(JfrFlameCommand.time(cl, "--from", from, r.start()), JfrFlameCommand.time(cl, "--to", to, r.start()));
        try (EventTable t = r.events(q, progress)) {
            List<EventRow> rows = t.rows(0, limit, progress);
            long matched = t.size(progress);
            List<Map<String, Object>> events = new ArrayList<>();
            for (EventRow row : rows) {
                Map<String, Object> e = new LinkedHashMap<>();
                for (int i = 0; i < t.columns().size(); i++) {
                    e.put(t.columns().get(i).name(), row.values().get(i));
                }
                events.add(e);
            }
            return new Answer(null, type, matched, t.columns(), events, rows);
        }
    }

    @Override
    void print(Answer a, PrintWriter out) {
        if (a.types() != null) {
            output.table(List.of("Event type", "Events", "Label"),
                    a.types().stream().map(t -> List.of(t.name(), Units.count(t.count()), t.label())).toList(),
                    new boolean[] {false, true, false});
            return;
        }
        out.println(Units.count(a.matched()) + " " + a.type() + " events" + (a.rows().size() < a.matched()
                ? ", the first " + Units.count(a.rows().size()) + " shown" : ""));
        if (a.columns().isEmpty()) {
            return;
        }
        out.println();
        List<EventColumn> cols = a.columns();
        boolean[] right = new boolean[cols.size()];
        for (int i = 0; i < right.length; i++) {
            right[i] = cols.get(i).kind().numeric();
        }
        output.table(cols.stream().map(EventColumn::label).toList(), a.rows().stream()
                .map(row -> {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < cols.size(); i++) {
                        cells.add(cols.get(i).format(row.values().get(i)));
                    }
                    return cells;
                }).toList(), right);
    }
}
