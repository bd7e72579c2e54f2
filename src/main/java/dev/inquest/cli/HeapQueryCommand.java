package dev.inquest.cli;

import dev.inquest.format.Csv;
import dev.inquest.format.Terminal;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.ObjectBrief;
import dev.inquest.heap.query.OqlQuery;
import dev.inquest.heap.query.OqlResult;
import dev.inquest.heap.query.OqlRow;
import dev.inquest.heap.query.QuerySyntaxError;
import java.io.PrintWriter;
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
            OqlResult r;
            try {
                r = Meter.run(progress -> q.run(d, limit == null ? -1 : limit, null, progress));
            } catch (QuerySyntaxError e) {
                return syntax(e);
            }
            if (json()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (OqlRow row : r.rows()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < r.columns().size(); i++) {
                        m.put(r.columns().get(i), row.values().get(i));
                    }
                    m.putIfAbsent("truncated", d.truncated());
                    rows.add(m);
                }
                printJson(rows);
            } else if (csv) {
                PrintWriter o = out();
                o.println(Csv.line(r.columns()));
                for (OqlRow row : r.rows()) {
                    o.println(Csv.line(row.values().stream().map(v -> cell(v, false)).toList()));
                }
                o.flush();
            } else {
                boolean[] right = new boolean[r.columns().size()];
                if (!r.rows().isEmpty()) {
                    for (int i = 0; i < right.length; i++) {
                        right[i] = r.rows().getFirst().values().get(i) instanceof Number;
                    }
                }
                table(r.columns(), r.rows().stream().map(row -> row.values().stream().map(v -> cell(v, true)).toList()).toList(), right);
                out().println(r.rows().size() + (r.rows().size() == 1 ? " row" : " rows"));
                out().flush();
            }
            PrintWriter err = spec.commandLine().getErr();
            if (r.more()) {
                err.println("note: the first " + r.rows().size() + " rows; more rows match (raise --limit or the query's LIMIT)");
            }
            if (r.listsCut()) {
                err.println("note: list cells (inbounds, outbounds, dominators) show their first " + OqlQuery.MAX_LIST + " objects");
            }
            err.flush();
            return 0;
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
