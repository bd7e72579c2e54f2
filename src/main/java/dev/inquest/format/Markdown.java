package dev.inquest.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one Markdown writer and escaper: GitHub-flavoured Markdown that survives common wikis. Identifiers (class names with {@code $},
 * {@code <init>}, generics) go in code spans, where nothing but backticks and, in tables, pipes
 * are special; plain text is escaped.
 */
public final class Markdown {
    private Markdown() {
    }

    /**
     * A code span holding {@code s} literally: the fence is one backtick longer than the longest
     * run inside, and padded with a space when the content starts or ends with a backtick.
     */
    public static String code(String s) {
        String flat = s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        int longest = longestRun(flat, '`');
        String fence = "`".repeat(longest + 1);
        boolean pad = flat.startsWith("`") || flat.endsWith("`") || flat.isBlank()
                || (flat.startsWith(" ") && flat.endsWith(" "));
        return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
    }

    /** A fenced code block; the fence is longer than any backtick run in the content. */
    public static String fence(String content, String info) {
        String fence = "`".repeat(Math.max(3, longestRun(content, '`') + 1));
        String body = content.endsWith("\n") ? content : content + "\n";
        return fence + (info == null ? "" : info) + "\n" + body + fence;
    }

    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|#~]");

    /** Plain text (not Markdown) made inert: {@code *}, {@code _}, {@code <}, {@code |}... escaped. */
    public static String text(String s) {
        // Any line ending would let the rest start a block of its own (a list item, a heading).
        Matcher m = SPECIAL.matcher(s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String ch = m.group();
            // Entities for angle brackets: some wiki renderers ignore backslash escapes before '<'.
            String rep = switch (ch) {
                case "<" -> "&lt;";
                case ">" -> "&gt;";
                default -> "\\" + ch;
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Markdown put into a table cell: one line, and every {@code |} escaped, including inside code
     * spans (GFM splits cells before it parses inlines, and unescapes {@code \|} in code).
     */
    public static String cell(String markdown) {
        String oneLine = markdown.strip().replace("\r\n", "\n").replace("\n", "<br>");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            if (c == '|' && (i == 0 || oneLine.charAt(i - 1) != '\\')) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** A list item: continuation lines indented to the content column of the marker. */
    public static String item(String marker, String markdown) {
        String indent = " ".repeat(marker.length() + 1);
        String[] lines = markdown.strip().split("\n", -1);
        StringBuilder sb = new StringBuilder(marker).append(' ').append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            sb.append('\n');
            if (!lines[i].isEmpty()) {
                sb.append(indent).append(lines[i]);
            }
        }
        return sb.toString();
    }

    private static int longestRun(String s, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
