package dev.inquest.ui.heap;

import dev.inquest.format.Markdown;
import java.util.List;

/** GitHub table rows for the clipboard: cells escaped so a {@code |} never splits a cell. */
public final class MarkdownRow {
    private MarkdownRow() {
    }

    /** {@code | a | b |}; the cells are Markdown already (class names in code spans). */
    public static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) {
            sb.append(' ').append(Markdown.cell(c)).append(" |");
        }
        return sb.toString();
    }

    /** The header and delimiter lines, so a pasted row renders on its own. */
    public static String header(List<String> headers) {
        return row(headers) + "\n|" + "---|".repeat(headers.size());
    }

    /** A class or object name as a code span ({@code java.lang.String @ 0x1f}). */
    public static String code(String name) {
        return Markdown.code(name);
    }

    /** Plain text made inert. */
    public static String text(String s) {
        return Markdown.text(s);
    }
}
