package dev.inquest.cli;

import dev.inquest.format.Csv;
import dev.inquest.format.Terminal;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.ObjectBrief;
import dev.inquest.heap.query.OqlQuery;
import dev.inquest.heap.query.OqlResult;
import dev.inquest.heap.query.OqlRow;
import dev.inquest.heap.query.QuerySyntaxError;
import dev.inquest.progress.ConsoleProgress;
import dev.inquest.progress.Progress;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code inquest heap query DUMP 'SELECT ...' [--json | --csv] [--limit N]}: Eclipse MAT's OQL
 * with ORDER BY, LIMIT and GROUP BY. A query that does not parse, or names a class or address the
 * dump does not hold, is a usage error (exit 2): {@code inquest: query: <what> at column N}.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run an OQL query (Eclipse MAT's object query language, plus ORDER BY, LIMIT, GROUP BY/HAVING).")
public final class HeapQueryCommand extends HeapVerb implements Callable<Integer> {

    @CommandLine.Parameters(index = "1", paramLabel = "QUERY", description = "The query, e.g. 'SELECT * FROM java.util.HashMap m WHERE m.size > 1000'.")
    String query;

    @CommandLine.Option(names = "--csv", description = "Print CSV (a header line, then one line a row).")
    boolean csv;

    @CommandLine.Option(names = "--limit", paramLabel = "N", description = "At most N rows (with a LIMIT in the query, the smaller).")
    Long limit;

    @Override
    public Integer call() throws Exception {
        if (csv && json()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--json and --csv exclude each other");
        }
        if (limit != null && limit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 or more, not " + limit);
        }
        OqlQuery q;
        try {
            q = OqlQuery.parse(query);
        } catch (QuerySyntaxError e) {
            return syntax(e);
        }
        try (HeapDump d = open()) {
            List<String> columns = q.columns();
            Rows rows = json() ? new JsonRows(columns, d.truncated()) : csv ? new CsvRows(columns) : new TextRows(columns);
            OqlResult r;
            try {
                r = Meter.run(progress -> q.stream(d, limit == null ? -1 : limit, rows::accept, rows.meter(progress)));
            } catch (QuerySyntaxError e) {
                return syntax(e);
            }
            rows.finish(r.count());
            PrintWriter err = spec.commandLine().getErr();
            if (r.more()) {
                err.println("note: the first " + r.count() + " rows; more rows match (raise --limit or the query's LIMIT)");
            }
            if (r.listsCut()) {
                err.println("note: list cells (inbounds, outbounds, dominators) show their first " + OqlQuery.MAX_LIST + " objects");
            }
            err.flush();
            return 0;
        }
    }

    /**
     * Where the rows go as the engine finds them (one call at a time, in result order, on its
     * threads): printed at once, not collected, so a query over millions of objects shows its
     * first rows before the scan ends and holds no more than a chunk of them. Output is flushed on
     * the first row and then at most every {@link #FLUSH_NANOS}; nothing is written before the
     * first row, so a query that fails before it leaves stdout empty.
     */
    private abstract class Rows {
        static final long FLUSH_NANOS = 200_000_000L;
        final List<String> columns;
        private long lastFlush;
        private boolean started;
        private volatile boolean quiet;
        private ConsoleProgress console;

        Rows(List<String> columns) {
            this.columns = columns;
        }

        /**
         * The meter on stderr until the first row, then nothing (cancelling still passes): a meter
         * redrawn between rows would tangle with them on a terminal.
         */
        Progress meter(Progress meter) {
            console = meter instanceof ConsoleProgress c ? c : null;
            return new Progress() {
                @Override
                public void phase(String name, long total, Unit unit) {
                    if (!quiet) {
                        meter.phase(name, total, unit);
                    }
                }

                @Override
                public void progress(long done) {
                    if (!quiet) {
                        meter.progress(done);
                    }
                }

                @Override
                public boolean isCancelled() {
                    return meter.isCancelled();
                }
            };
        }

        final void accept(OqlRow row) {
            try {
                if (!started) {
                    started = true;
                    quiet = true;
                    if (console != null) {
                        console.finish();
                    }
                }
                write(row);
                long now = System.nanoTime();
                if (lastFlush == 0 || now - lastFlush > FLUSH_NANOS) {
                    flush();
                    lastFlush = now;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        abstract void write(OqlRow row) throws IOException;

        void flush() throws IOException {
            out().flush();
        }

        /** After the last row: what closes the output ({@code count} rows in all). */
        abstract void finish(long count) throws IOException;
    }

    /** {@code --json}: one array, each row an object keyed by column name plus {@code "truncated"}, written by a generator. */
    private final class JsonRows extends Rows {
        private final boolean truncated;
        private JsonGenerator g;

        JsonRows(List<String> columns, boolean truncated) {
            super(columns);
            this.truncated = truncated;
        }

        private JsonGenerator generator() throws IOException {
            if (g == null) {
                g = CliJson.generator(out());
                g.writeStartArray();
            }
            return g;
        }

        @Override
        void write(OqlRow row) throws IOException {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i), row.values().get(i));
            }
            m.putIfAbsent("truncated", truncated);
            generator().writeObject(m);
        }

        @Override
        void flush() throws IOException {
            g.flush(); // the generator's buffer, then the output's
        }

        @Override
        void finish(long count) throws IOException {
            JsonGenerator gen = generator();
            gen.writeEndArray();
            gen.close();
            out().println();
            out().flush();
        }
    }

    /** {@code --csv}: the header with the first row (or at the end when there is none), then a line a row. */
    private final class CsvRows extends Rows {
        private boolean header;

        CsvRows(List<String> columns) {
            super(columns);
        }

        private void header() {
            if (!header) {
                header = true;
                out().println(Csv.line(columns));
            }
        }

        @Override
        void write(OqlRow row) {
            header();
            out().println(Csv.line(row.values().stream().map(v -> cell(v, false)).toList()));
        }

        @Override
        void finish(long count) {
            header();
            out().flush();
        }
    }

    /**
     * Text: a table whose column widths come from the header and the first {@link #SAMPLE} rows
     * (a longer cell later pushes its line out rather than holding every row back to measure it),
     * then {@code N rows}.
     */
    private final class TextRows extends Rows {
        static final int SAMPLE = 20;
        private final List<List<String>> sample = new ArrayList<>();
        private boolean[] right;
        private int[] widths;

        TextRows(List<String> columns) {
            super(columns);
        }

        @Override
        void write(OqlRow row) {
            if (right == null) {
                right = new boolean[columns.size()];
                for (int i = 0; i < right.length; i++) {
                    right[i] = row.values().get(i) instanceof Number;
                }
            }
            List<String> cells = row.values().stream().map(v -> cell(v, true)).toList();
            if (widths != null) {
                out().println(OutputFormat.line(cells, widths, right));
                return;
            }
            sample.add(cells);
            if (sample.size() == SAMPLE) {
                printSample();
            }
        }

        private void printSample() {
            widths = OutputFormat.widths(columns, sample);
            PrintWriter o = out();
            o.println(OutputFormat.line(columns, widths, right));
            o.println(OutputFormat.rule(widths));
            for (List<String> r : sample) {
                o.println(OutputFormat.line(r, widths, right));
            }
            sample.clear();
        }

        @Override
        void finish(long count) {
            if (right == null) {
                right = new boolean[columns.size()];
            }
            if (widths == null) {
                printSample();
            }
            out().println(count + (count == 1 ? " row" : " rows"));
            out().flush();
        }
    }

    private int syntax(QuerySyntaxError e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("inquest: query: " + e.what() + " at column " + e.column());
        err.flush();
        return 2;
    }

    /** A cell as text: objects as MAT names them (class @ address), lists by their first entries. */
    private static String cell(Object v, boolean forPeople) {
        return switch (v) {
            case null -> forPeople ? "null" : "";
            case ObjectBrief b -> (forPeople ? Terminal.line(b.className()) : b.className()) + " @ " + hex(b.address());
            case Long l -> forPeople ? num(l) : Long.toString(l);
            case Double x -> forPeople ? String.format(Locale.ROOT, "%,.2f", x) : Double.toString(x);
            case List<?> list -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < list.size() && (!forPeople || i < 3); i++) {
                    sb.append(i == 0 ? "" : ", ").append(cell(list.get(i), forPeople));
                }
                if (forPeople && list.size() > 3) {
                    sb.append(", ... (").append(num(list.size())).append(")");
                }
                yield sb.append(']').toString();
            }
            case String str -> forPeople ? Terminal.line(str) : str;
            default -> String.valueOf(v);
        };
    }
}
