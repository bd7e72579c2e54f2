package dev.inquest.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code --json} and the two ways a command prints: the engine's records as JSON ({@link CliJson},
 * shaped by {@link JsonShapes}), or text, with aligned tables for rows.
 */
final class OutputFormat {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @CommandLine.Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    boolean json() {
        return json;
    }

    PrintWriter out() {
        return mixee.commandLine().getOut();
    }

    PrintWriter err() {
        return mixee.commandLine().getErr();
    }

    void printJson(Object value) throws IOException {
        printJson(value, null);
    }

    /** {@code value} with the fields of a {@link JsonShapes.Views view} only (one record, two shapes), or all with null. */
    void printJson(Object value, Class<?> view) throws IOException {
        CliJson.write(out(), value, view);
        out().println();
        out().flush();
    }

    /** Prints rows as a table: a header, a rule, then the rows, each column as wide as its widest cell. */
    void table(List<String> header, List<List<String>> rows, boolean[] rightAligned) {
        int[] w = widths(header, rows);
        PrintWriter o = out();
        o.println(line(header, w, rightAligned));
        o.println(rule(w));
        for (List<String> r : rows) {
            o.println(line(r, w, rightAligned));
        }
        o.flush();
    }

    /** Each column's width: its widest cell among the header and {@code rows}. */
    static int[] widths(List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        return w;
    }

    /** The rule under the header. */
    static String rule(int[] w) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        return rule.toString();
    }

    /** One line of a table; a cell wider than its column pushes the rest of the line out. */
    static String line(List<String> cells, int[] w, boolean[] right) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String c = cells.get(i);
            String pad = " ".repeat(Math.max(0, w[i] - c.length()));
            sb.append(right[i] ? pad + c : (i == w.length - 1 ? c : c + pad));
        }
        return sb.toString().stripTrailing();
    }
}
