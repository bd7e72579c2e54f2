package dev.inquest.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The one Markdown writer and escaper: GitHub-flavoured Markdown that survives common wikis. Identifiers (class names with {@code $},
 * {@code <init>}, generics) go in code spans, where nothing but backticks and, in tables, pipes
 * are special; plain text is escaped.
 *
 * <p>Markdown the user wrote (notes, items, statements) is kept as Markdown but made harmless by
 * {@link #safe} and {@link #safeLine}: what a renderer would take as raw HTML is shown as text,
 * links and images to other than http, https, mailto or relative targets are shown as text,
 * control and bidi characters are shown as {@code <U+XXXX>}, and a code fence the text opened is
 * closed where the text ends. Emphasis, code spans, ordinary links and lists stay as written.
 */
public final class Markdown {
    private Markdown() {
    }

    /** What an empty or missing field shows, so a table keeps its columns and a reader sees it is unknown. */
    public static final String UNKNOWN = "—";

    /**
     * A code span holding {@code s} literally: the fence is one backtick longer than the longest
     * run inside, and padded with a space when the content starts or ends with a backtick.
     */
    public static String code(String s) {
        String flat = visibleControls(s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '), false);
        int longest = longestRun(flat, '`');
        String fence = "`".repeat(longest + 1);
        boolean pad = flat.startsWith("`") || flat.endsWith("`") || flat.isBlank()
                || (flat.startsWith(" ") && flat.endsWith(" "));
        return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
    }

    /** A fenced code block; the fence is longer than any backtick run in the content. */
    public static String fence(String content, String info) {
        content = visibleControls(content.replace("\r\n", "\n").replace('\r', '\n'), true);
        String fence = "`".repeat(Math.max(3, longestRun(content, '`') + 1));
        String body = content.endsWith("\n") ? content : content + "\n";
        return fence + (info == null ? "" : info) + "\n" + body + fence;
    }

    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|#~]");

    /** Plain text (not Markdown) made inert: {@code *}, {@code _}, {@code <}, {@code |}... escaped. */
    public static String text(String s) {
        // Any line ending would let the rest start a block of its own (a list item, a heading).
        Matcher m = SPECIAL.matcher(visibleControls(s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '), false));
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
        if (markdown == null) {
            return UNKNOWN;
        }
        List<String> lines = new ArrayList<>();
        for (String line : markdown.strip().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            lines.add(safeLine(line));
        }
        String oneLine = String.join("<br>", lines);
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
        // The first line follows the marker: a heading, list, quote or fence there would open
        // inside the item, which is never what a one-line field meant.
        String[] lines = escapeBlockStart(safe(markdown).strip()).split("\n", -1);
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

    // ---------------------------------------------------------------- user Markdown made harmless

    /** Parsed the way a renderer would, with the place of every node in the source. */
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    /**
     * A C0 control other than tab and line feed, DEL, a C1 control, or a bidi formatting
     * character (embeddings, overrides, isolates, marks): what can hide or reorder text, or drive a
     * terminal. Shared by every escaper that shows user text.
     */
    public static boolean hazard(int cp) {
        return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F)
                || cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** "U+202E": how a hazard is named where it is made visible. */
    public static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    private static String visibleControls(String s, boolean keepNewlines) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = hazard(c) || (!keepNewlines && (c == '\n' || c == '\t'));
            if (bad && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (!bad) {
                    sb.append(c);
                } else if (c == '\n' || c == '\t') {
                    sb.append(' ');
                } else {
                    sb.append('<').append(codePoint(c)).append('>');
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * Markdown the user wrote, several lines allowed, made harmless (see the class comment) and
     * otherwise unchanged. Idempotent: safe text passes through again as it is.
     */
    public static String safe(String markdown) {
        if (markdown == null) {
            return "";
        }
        String s = visibleControls(markdown.replace("\r\n", "\n").replace('\r', '\n'), true);
        // Each pass fixes every hazard the parse shows; a fix can only uncover another in what an
        // HTML block had hidden, so few passes are needed. Past that, everything is escaped.
        for (int pass = 0; pass < 6; pass++) {
            String fixed = fixOnce(s);
            if (fixed.equals(s)) {
                return s;
            }
            s = fixed;
        }
        return text(s);
    }

    /**
     * A field that is one line in every output (a title, a statement, an evidence sentence): line
     * breaks become spaces, then as {@link #safe}. Where such a line starts a list item,
     * {@link #item} also escapes a start that would open a block inside it.
     */
    public static String safeLine(String markdown) {
        if (markdown == null) {
            return "";
        }
        String flat = visibleControls(markdown.replace("\r\n", "\n").replace('\r', '\n'), false).strip();
        // Only a line's start can open an HTML block or a fence, which safe() would make several
        // lines of: escaped here instead.
        if (flat.startsWith("<") && !SAFE_AUTOLINK.matcher(flat).lookingAt()) {
            flat = "&lt;" + flat.substring(1);
        } else if (flat.matches("(?s)`{3,}[^`]*") || flat.startsWith("~~~")) {
            flat = "\\" + flat;
        }
        return safe(flat);
    }

    private static final Pattern SAFE_AUTOLINK = Pattern.compile("<(?i:https?|mailto):[^<>\\s]*>");

    private static final Pattern BLOCK_START = Pattern.compile(
            "^(?:#{1,6}(?:\\s|$)|>|[-+*](?:\\s|$)|`{3,}[^`]*$|~{3,}|=+\\s*$|([-*_])(?:\\s*\\1){2,}\\s*$)");
    private static final Pattern ORDERED_START = Pattern.compile("^\\d{1,9}(?=[.)](?:\\s|$))");

    private static String escapeBlockStart(String line) {
        if (BLOCK_START.matcher(line).find()) {
            return "\\" + line;
        }
        Matcher m = ORDERED_START.matcher(line);
        return m.find() ? line.substring(0, m.end()) + "\\" + line.substring(m.end()) : line;
    }

    private record Edit(int line, int column, int length, String with) {
    }

    private static String fixOnce(String s) {
        String[] lines = s.split("\n", -1);
        List<Edit> edits = new ArrayList<>();
        Node doc = PARSER.parse(s);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                at(html).ifPresent(sp -> edits.add(new Edit(sp.getLineIndex(), sp.getColumnIndex(), 1, "&lt;")));
            }

            @Override
            public void visit(HtmlBlock html) {
                // Fenced as code: shown as written, and still one block (escaping its "<" would
                // let the lines it holds turn into headings and items of their own).
                fenced(html, lines, edits);
            }

            @Override
            public void visit(LinkReferenceDefinition def) {
                // A definition serves links anywhere in the document, other fields included: an
                // unsafe one is shown as code at the top, or loses its "[" inside a list or quote.
                if (safeDestination(def.getDestination())) {
                    return;
                }
                if (def.getParent() == doc) {
                    fenced(def, lines, edits);
                } else {
                    at(def).ifPresent(sp -> {
                        int col = lines[sp.getLineIndex()].indexOf('[', sp.getColumnIndex());
                        if (col >= 0) {
                            edits.add(new Edit(sp.getLineIndex(), col, 0, "\\"));
                        }
                    });
                }
            }

            @Override
            public void visit(Link link) {
                unsafeLink(link, link.getDestination(), lines, edits);
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                unsafeLink(image, image.getDestination(), lines, edits);
                visitChildren(image);
            }

            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                visitChildren(node);
            }

            @Override
            public void visit(FencedCodeBlock fence) {
                // Open to the end of the text: closed here, or it would swallow what the export
                // writes after it. Only at the top: inside a list or quote it ends with its container.
                if (fence.getParent() == doc && fence.getNext() == null && !closed(fence, lines)) {
                    edits.add(new Edit(lines.length - 1, lines[lines.length - 1].length(), 0,
                            (lines[lines.length - 1].isEmpty() ? "" : "\n")
                                    + String.valueOf(fence.getFenceCharacter()).repeat(fence.getOpeningFenceLength())));
                }
            }
        });
        if (edits.isEmpty()) {
            return s;
        }
        // Right to left, so earlier columns stay valid.
        edits.sort(Comparator.comparingInt(Edit::line).thenComparingInt(Edit::column).reversed());
        for (Edit e : edits) {
            String l = lines[e.line()];
            int col = Math.min(e.column(), l.length());
            lines[e.line()] = l.substring(0, col) + e.with() + l.substring(Math.min(l.length(), col + e.length()));
        }
        return String.join("\n", lines);
    }

    /** A block wrapped in a code fence as long as needed, keeping a quote's "&gt;" and an item's indentation. */
    private static void fenced(Node block, String[] lines, List<Edit> edits) {
        List<SourceSpan> spans = block.getSourceSpans();
        if (spans.isEmpty()) {
            return;
        }
        SourceSpan first = spans.getFirst();
        SourceSpan last = spans.getLast();
        String head = lines[first.getLineIndex()];
        // Continuation lines keep a quote's ">" and a list item's indentation, not its marker.
        String prefix = head.substring(0, Math.min(first.getColumnIndex(), head.length())).replaceAll("[^>\\s]", " ");
        StringBuilder content = new StringBuilder();
        for (SourceSpan sp : spans) {
            String l = lines[sp.getLineIndex()];
            content.append(l, Math.min(sp.getColumnIndex(), l.length()), Math.min(l.length(), sp.getColumnIndex() + sp.getLength())).append('\n');
        }
        String fence = "`".repeat(Math.max(3, longestRun(content.toString(), '`') + 1));
        edits.add(new Edit(first.getLineIndex(), first.getColumnIndex(), 0, fence + "\n" + prefix));
        edits.add(new Edit(last.getLineIndex(), lines[last.getLineIndex()].length(), 0, "\n" + prefix + fence));
    }

    private static java.util.Optional<SourceSpan> at(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(spans.getFirst());
    }

    /** A link to a dangerous target stops being a link: "](" becomes "]\(", an autolink's "<" an entity. */
    private static void unsafeLink(Node link, String destination, String[] lines, List<Edit> edits) {
        if (safeDestination(destination)) {
            return;
        }
        List<SourceSpan> spans = link.getSourceSpans();
        if (spans.isEmpty()) {
            return;
        }
        SourceSpan first = spans.getFirst();
        String firstLine = lines[first.getLineIndex()];
        if (first.getColumnIndex() < firstLine.length() && firstLine.charAt(first.getColumnIndex()) == '<') {
            edits.add(new Edit(first.getLineIndex(), first.getColumnIndex(), 1, "&lt;"));
            return;
        }
        // The "](" after the link text: the last one that is before the destination.
        for (int k = spans.size() - 1; k >= 0; k--) {
            SourceSpan sp = spans.get(k);
            String l = lines[sp.getLineIndex()];
            String part = l.substring(sp.getColumnIndex(), Math.min(l.length(), sp.getColumnIndex() + sp.getLength()));
            int at = part.lastIndexOf("](");
            if (at >= 0) {
                edits.add(new Edit(sp.getLineIndex(), sp.getColumnIndex() + at + 1, 0, "\\"));
                return;
            }
        }
        // A reference link ("[text][ref]"): its definition is escaped; escape the link's "[" too.
        edits.add(new Edit(first.getLineIndex(), first.getColumnIndex() + (link instanceof Image ? 1 : 0), 0, "\\"));
    }

    /**
     * http, https, mailto, or a relative target without a scheme. Anything with entities,
     * backslashes, whitespace or controls before the first "/", "?" or "#" is refused: browsers
     * decode or drop those, and "java&#115;cript:" is still a script.
     */
    static boolean safeDestination(String destination) {
        if (destination == null) {
            return true;
        }
        String d = destination.strip();
        int end = d.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = d.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        String head = d.substring(0, end);
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '&' || c == '\\' || c <= ' ' || hazard(c) || Character.isWhitespace(c)) {
                return false;
            }
        }
        int colon = head.indexOf(':');
        return colon < 0 || SAFE_SCHEMES.contains(head.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    private static boolean closed(FencedCodeBlock fence, String[] lines) {
        List<SourceSpan> spans = fence.getSourceSpans();
        if (spans.size() < 2) {
            return false;
        }
        SourceSpan last = spans.getLast();
        String l = lines[last.getLineIndex()].substring(Math.min(last.getColumnIndex(), lines[last.getLineIndex()].length())).strip();
        String ch = String.valueOf(fence.getFenceCharacter());
        return l.length() >= fence.getOpeningFenceLength() && l.replace(ch, "").isEmpty();
    }
}
