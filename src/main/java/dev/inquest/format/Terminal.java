package dev.inquest.format;

import java.util.Locale;

/**
 * Text for a terminal (the CLI's readable output). Text from a case or a dump is shown, never
 * obeyed: escape sequences, bells, backspaces and the other C0 and C1 controls are written as
 * {@code \u001b}, and bidi controls that reorder what the reader sees (U+202E and friends) as
 * {@code <U+202E>}. Which characters count is {@link Markdown#hazard}, shared with the Markdown
 * exports.
 */
public final class Terminal {
    private Terminal() {
    }

    /** One line of output: line breaks and tabs shown as {@code \n} and {@code \t} too. */
    public static String line(String s) {
        if (s == null) {
            return Markdown.UNKNOWN;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = Markdown.hazard(c) || c == '\n' || c == '\t';
            if (bad && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb == null) {
                continue;
            }
            if (!bad) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0xA0) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append('<').append(Markdown.codePoint(c)).append('>');
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * The first line of a text that may run to paragraphs (an imported recommendation's whole
     * text), made safe as {@link #line}, and how many more lines with text follow:
     * {@code "Cap the cache (+12 lines)"}. Blank lines are not counted.
     */
    public static String firstLine(String s) {
        if (s == null) {
            return Markdown.UNKNOWN;
        }
        String first = null;
        int more = 0;
        for (String l : s.split("\r\n|\r|\n", -1)) {
            if (l.isBlank()) {
                continue;
            }
            if (first == null) {
                first = l.strip();
            } else {
                more++;
            }
        }
        if (first == null) {
            return line(s.strip());
        }
        return line(first) + (more == 0 ? "" : " (+" + more + (more == 1 ? " line)" : " lines)"));
    }
}
