package dev.inquest.cli;

import dev.inquest.heap.model.HeapDump;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * What every {@code inquest heap VERB DUMP} shares: the dump ({@link DumpArgument}: {@code DUMP},
 * {@code --dump N}, {@code --keep-unreachable}), the output ({@link OutputFormat}: {@code --json},
 * tables), and the number formats of the text output.
 */
abstract class HeapVerb {
    @CommandLine.Mixin
    DumpArgument input;

    @CommandLine.Mixin
    OutputFormat output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Opens the dump; a truncated one is said at once on stderr, in text and JSON modes alike (the
     * JSON of a row verb marks each row but cannot carry the problems themselves).
     */
    HeapDump open() throws IOException {
        return warned(input.open());
    }

    /** Opens {@code file} with this command's options ({@code --dump}, {@code --keep-unreachable}), warning if it is cut short. */
    HeapDump open(Path file) throws IOException {
        return warned(input.open(file));
    }

    private HeapDump warned(HeapDump d) {
        input.warnIfTruncated(d);
        return d;
    }

    boolean json() {
        return output.json();
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
            throw new dev.inquest.input.BadInputException(input.file(), "no object at address " + hex(address) + " in this dump", -1);
        }
        return node;
    }

    PrintWriter out() {
        return output.out();
    }

    /** The engine's answer as JSON: records as they are, in the contract's names ({@link JsonShapes}). */
    void printJson(Object value) throws IOException {
        output.printJson(value);
    }

    /**
     * A JSON object answer about {@code d}, with the dump's damage at its end: {@code "truncated"}
     * and {@code "problems"} (false and [] for a whole dump).
     */
    void printJson(HeapDump d, Object value) throws IOException {
        output.printJson(new JsonShapes.Damaged(value, d.truncated(), d.problems()));
    }

    /**
     * A JSON array answer: the contract fixes it as an array, so each row carries
     * {@code "truncated"}: its figures come from a dump cut short ({@code view}: a
     * {@link JsonShapes.Views view}, or null).
     */
    void printJsonRows(List<?> rows, boolean truncated, Class<?> view) throws IOException {
        List<JsonShapes.Marked> marked = rows.stream().map(r -> new JsonShapes.Marked(r, truncated)).toList();
        if (view == null) {
            output.printJson(marked);
        } else {
            output.printJson(marked, view);
        }
    }

    /**
     * Prints {@code rows}: with {@code --json} as an array of the records themselves, each marked
     * with the dump's truncation, else as a table (the warning came when the dump opened).
     */
    <T> void printRows(HeapDump d, List<T> rows, List<String> header, boolean[] rightAligned,
                       Function<T, List<String>> cells) throws IOException {
        if (json()) {
            printJsonRows(rows, d.truncated(), null);
            return;
        }
        table(header, rows.stream().map(cells).toList(), rightAligned);
    }

    void table(List<String> header, List<List<String>> rows, boolean[] rightAligned) {
        output.table(header, rows, rightAligned);
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
}
