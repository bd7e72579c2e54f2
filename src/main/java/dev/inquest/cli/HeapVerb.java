package dev.inquest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.ConsoleProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/** What every {@code inquest heap VERB DUMP} shares: the dump argument, {@code --dump N}, {@code --json}, output helpers. */
abstract class HeapVerb {
    @CommandLine.Parameters(index = "0", paramLabel = "DUMP", description = "Heap dump (.hprof, .hprof.gz, truncated dumps too).")
    Path dump;

    @CommandLine.Option(names = "--dump", paramLabel = "N",
            description = "Which heap dump of a file that holds several (0-based; default: the last).")
    int dumpIndex = -1;

    @CommandLine.Option(names = "--keep-unreachable", description = "Keep unreachable objects (MAT's option).")
    boolean keepUnreachable;

    @CommandLine.Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Made on first use: picocli instantiates every verb to build its model, and a mapper costs 100 ms. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    HeapDump open() throws IOException {
        return open(dump);
    }

    /** Opens {@code file} with this command's options ({@code --dump}, {@code --keep-unreachable}). */
    HeapDump open(Path file) throws IOException {
        ConsoleProgress progress = ConsoleProgress.forStderr();
        try {
            return HeapDump.open(file, new OpenOptions(dumpIndex, keepUnreachable, true), progress);
        } finally {
            progress.finish();
        }
    }

    /** An {@code --object} address, hex with 0x or decimal; a usage error (exit 2) otherwise, before any dump is opened. */
    long address(String object) {
        try {
            return object.startsWith("0x") || object.startsWith("0X") ? Long.parseUnsignedLong(object.substring(2), 16)
                    : Long.parseLong(object);
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--object must be an address such as 0x7f001234, not '" + object + "'");
        }
    }

    /** The object at {@code address}; bad input (exit 1) when the dump has none. */
    long node(HeapDump d, long address) {
        long node = d.node(address);
        if (node < 0) {
            throw new dev.inquest.input.BadInputException(dump, "no object at address " + hex(address) + " in this dump", -1);
        }
        return node;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    void printJson(Object value) throws IOException {
        out().println(Json.MAPPER.writeValueAsString(value));
        out().flush();
    }

    /** A partial result must never pass for a whole one: say so on stderr in text mode. */
    void warnIfTruncated(HeapDump d) {
        if (d.truncated()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("inquest: warning: " + dump + " is truncated; figures cover only the readable part:");
            for (String p : d.problems()) {
                err.println("  " + p);
            }
            err.flush();
        }
    }

    /**
     * Prints {@code rows}: with {@code --json} as an array of objects (their field order is
     * cli.md's contract), else, after the truncation warning, as a table.
     */
    <T> void printRows(HeapDump d, List<T> rows, Function<T, Map<String, Object>> asJson,
                       List<String> header, boolean[] rightAligned, Function<T, List<String>> cells) throws IOException {
        if (json) {
            printJson(rows.stream().map(asJson).toList());
            return;
        }
        warnIfTruncated(d);
        table(header, rows.stream().map(cells).toList(), rightAligned);
    }

    /** A JSON object with its fields in the given order: name, value, name, value... (values may be null). */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f %%", v);
    }

    static String hex(long address) {
        return String.format(Locale.ROOT, "0x%x", address);
    }

    /** Prints rows as a left/right aligned table: first column left, the others right. */
    void table(List<String> header, List<List<String>> rows, boolean[] rightAligned) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        PrintWriter o = out();
        printRow(o, header, w, rightAligned);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        o.println(rule);
        for (List<String> r : rows) {
            printRow(o, r, w, rightAligned);
        }
        o.flush();
    }

    private static void printRow(PrintWriter o, List<String> cells, int[] w, boolean[] right) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String c = cells.get(i);
            String pad = " ".repeat(w[i] - c.length());
            sb.append(right[i] ? pad + c : (i == w.length - 1 ? c : c + pad));
        }
        o.println(sb.toString().stripTrailing());
    }
}
