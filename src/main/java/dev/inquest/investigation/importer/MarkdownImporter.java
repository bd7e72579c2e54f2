package dev.inquest.investigation.importer;

import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.CaseStatus;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.MetaLine;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Note;
import dev.inquest.investigation.model.Priority;
import dev.inquest.investigation.model.Reference;
import dev.inquest.investigation.model.Section;
import dev.inquest.investigation.model.Stance;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads Markdown someone already wrote (a subtask document or an investigation report, in their
 * own words and layout) into a case.
 *
 * <p>The parser (commonmark-java with GFM tables) finds the structure; the text itself is always
 * cut verbatim from the source lines, never re-rendered, so backticks, links and the author's
 * wording survive and exporting an imported subtask document gives back the same items. Headings
 * are matched fuzzily ({@link SectionNames}); whatever is not understood is kept as a
 * {@link Note} at the place it was, never dropped.
 */
public final class MarkdownImporter {
    /**
     * Blocks only: the text is cut from the source lines, so parsing inlines (most of the parser's
     * time on a long list) would be wasted; the one place that needs them parses its paragraph
     * again with {@link #INLINES}.
     */
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).inlineParserFactory(context -> (lines, node) -> { })
            .build();
    private static final Parser INLINES = Parser.builder().build();

    private final String[] lines;
    private final Case.Builder b = new Case.Builder("Imported document");
    private final List<Hypothesis> hypotheses = new ArrayList<>();
    /** Hypotheses read from the prose ("Ruled out as ..."); added after the listed ones unless listed. */
    private final List<Hypothesis> inferred = new ArrayList<>();
    /**
     * Findings and actions read from prose elsewhere ("**Finding:**" lines, "### Phase 2" headings):
     * appended after the listed ones, so their order does not depend on where an export puts the
     * prose they came from.
     */
    private final List<String> inferredFindings = new ArrayList<>();
    private final List<String> inferredActions = new ArrayList<>();
    private String lastKey = "";

    private MarkdownImporter(String markdown) {
        this.lines = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }

    /** Imports a document. Never fails on odd Markdown: the worst case is everything kept as notes. */
    public static Case importMarkdown(String markdown) {
        MarkdownImporter im = new MarkdownImporter(markdown);
        // The parser's work per line grows with the number of open lists and quotes; past the
        // limit a line is flattened (see deepLine) so a crafted document cannot take minutes.
        for (int i = 0; i < im.lines.length; i++) {
            im.lines[i] = flattenDeep(im.lines[i]);
        }
        im.run(PARSER.parse(String.join("\n", im.lines)));
        return im.finish();
    }

    /** Lists and block quotes nest at most this deep; no hand-written document comes close. */
    public static final int MAX_NESTING = 32;

    /**
     * The index of the first line whose lists and quotes nest deeper than {@link #MAX_NESTING}, or
     * -1. See {@link #flattenDeep} for how depth is counted.
     */
    public static int deepLine(String markdown) {
        String[] ls = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < ls.length; i++) {
            if (!flattenDeep(ls[i]).equals(ls[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A line that opens lists or quotes deeper than {@link #MAX_NESTING}, cut down to half that:
     * its text is kept, the excess markers and indentation go. Depth counts the container markers
     * at the start of the line ("&gt; ", "- ", "1. ") and its indentation at two columns a level;
     * indentation with no marker after it (code, continuation text) is left alone. (Past some 45
     * levels commonmark-java also stops seeing a heading after the list.)
     */
    static String flattenDeep(String line) {
        int i = 0;
        int markers = 0;
        int indent = 0;
        // Cut to half the limit, not to the limit: an export nests the text again (a step's body
        // under its number), which must not take it over the limit on the next import.
        int cutFrom = -1;
        boolean tooDeep = false;
        boolean markerAfterCut = false;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                indent += c == '\t' ? 4 : 1;
                if (cutFrom < 0 && markers + indent / 2 > MAX_NESTING / 2) {
                    cutFrom = i;
                }
                tooDeep |= markers + indent / 2 > MAX_NESTING;
                i++;
                continue;
            }
            int end = markerEnd(line, i);
            if (end < 0) {
                break;
            }
            markers++;
            if (cutFrom < 0 && markers + indent / 2 > MAX_NESTING / 2) {
                cutFrom = i;
            }
            tooDeep |= markers + indent / 2 > MAX_NESTING;
            markerAfterCut |= cutFrom >= 0 && tooDeep;
            i = end;
        }
        return markerAfterCut ? line.substring(0, cutFrom) + line.substring(i) : line;
    }

    /** The end of a container marker at {@code i} ("&gt;", "-", "*", "+", "12." or "3)" then a space), or -1. */
    private static int markerEnd(String line, int i) {
        char c = line.charAt(i);
        if (c == '>') {
            return i + 1;
        }
        int j = i;
        if (c == '-' || c == '*' || c == '+') {
            j = i + 1;
        } else {
            while (j < line.length() && j - i < 9 && Character.isDigit(line.charAt(j))) {
                j++;
            }
            if (j == i || j >= line.length() || (line.charAt(j) != '.' && line.charAt(j) != ')')) {
                return -1;
            }
            j++;
        }
        return j < line.length() && (line.charAt(j) == ' ' || line.charAt(j) == '\t') ? j + 1 : -1;
    }

    // ---------------------------------------------------------------- document structure

    private void run(Node doc) {
        List<Node> blocks = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            blocks.add(n);
        }
        takeClosing(blocks);
        int start = 0;
        Heading title = null;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Heading h) {
                // The first heading is the title when it is a "#", or outranks every heading after it.
                int lvl = h.getLevel();
                if (lvl == 1 || allHeadingsAfter(blocks, i).stream().allMatch(x -> x.getLevel() > lvl)) {
                    title = h;
                    start = i;
                }
                break;
            }
        }
        int firstBody = 0;
        if (title != null) {
            title(headingText(title));
            // Anything before the title (badges, front matter) is kept at the top.
            if (start > 0) {
                note(null, 2, slice(firstLine(blocks.get(0)), firstLine(title) - 1), "");
            }
            firstBody = start + 1;
        }
        // Preamble: metadata lines and whatever else precedes the first section.
        int i = firstBody;
        // Metadata is the one paragraph of "**Name:** value" lines directly under the title; such
        // lines further down are the author's text and stay where they are.
        if (i < blocks.size() && blocks.get(i) instanceof Paragraph p && metadata(p)) {
            i++;
        }
        int restFrom = i;
        while (i < blocks.size() && !(blocks.get(i) instanceof Heading)) {
            i++;
        }
        if (i > restFrom) {
            // Kept as one verbatim slice: block by block would lose how the author spaced them.
            note(null, 2, slice(firstLine(blocks.get(restFrom)), lastLine(blocks.get(i - 1))), "");
        }
        while (i < blocks.size()) {
            Heading h = (Heading) blocks.get(i++);
            String key = SectionNames.classify(headingText(h));
            boolean recommendations = key == null && RECOMMENDATIONS.matcher(headingText(h)).find();
            List<Node> body = new ArrayList<>();
            while (i < blocks.size() && (!startsSection(blocks.get(i), h.getLevel(), key)
                    || recommendations && numberedBelow(blocks.get(i), h.getLevel()))) {
                body.add(blocks.get(i++));
            }
            int endLine = i < blocks.size() ? firstLine(blocks.get(i)) - 1 : lastContentLine();
            section(h, body, endLine);
        }
    }

    /**
     * A heading ends the current section when it is of the same or a higher rank, or when it is
     * deeper but names another known section: authors mix "##" and "###" for sections, and
     * "### Open Questions" under "## Background" is not part of the background.
     */
    private boolean startsSection(Node n, int level, String currentKey) {
        if (!(n instanceof Heading h)) {
            return false;
        }
        // Unknown sections are exported as "##" notes, so "##" inside one (under a "#") must end it
        // here too, or a second import would split what the first kept together.
        if (h.getLevel() <= (currentKey == null ? Math.max(level, 2) : level)) {
            return true;
        }
        if ("hypotheses".equals(currentKey)) {
            return false; // "### H2. Is it the question of ...": hypotheses use words of other sections
        }
        String text = headingText(h);
        String key = SectionNames.classify(text);
        return key != null && !key.equals(currentKey) && !PHASE.matcher(text).find();
    }

    private List<Heading> allHeadingsAfter(List<Node> blocks, int index) {
        List<Heading> out = new ArrayList<>();
        for (int i = index + 1; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Heading h) {
                out.add(h);
            }
        }
        return out;
    }

    private int closingFrom = Integer.MAX_VALUE;

    /** "---" then a paragraph that is one italic span, at the very end: the closing reminder. */
    private void takeClosing(List<Node> blocks) {
        int n = blocks.size();
        if (n >= 2 && blocks.get(n - 2) instanceof ThematicBreak && blocks.get(n - 1) instanceof Paragraph p
                && INLINES.parse(source(p)).getFirstChild() instanceof Paragraph q
                && q.getFirstChild() instanceof Emphasis && q.getFirstChild() == q.getLastChild()) {
            String text = source(p).strip();
            b.closing(text.substring(1, text.length() - 1));
            closingFrom = firstLine(blocks.get(n - 2));
            blocks.remove(n - 1);
            blocks.remove(n - 2);
        }
    }

    private int lastContentLine() {
        return Math.min(lines.length, closingFrom) - 1;
    }

    private static final Pattern SUBTASK_TITLE = Pattern.compile("(?i)^subtask\\s+#?(\\d+)\\s*[:.\\-–—]\\s*(.+)$");

    private void title(String text) {
        Matcher m = SUBTASK_TITLE.matcher(text.strip());
        if (m.matches()) {
            b.subtask(Integer.parseInt(m.group(1)));
            b.title(m.group(2).strip());
        } else {
            b.title(text.strip());
        }
    }

    private void section(Heading h, List<Node> body, int endLine) {
        String heading = headingText(h);
        String key = SectionNames.classify(heading);
        if (key == null && PHASE.matcher(heading).find()) {
            // "## Phase 2: Allocation profiling" as its own section: an action, details kept.
            addUnique(inferredActions, heading);
            phaseFacts(body);
            note(heading, 2, slice(lastLine(h) + 1, endLine), lastKey);
            return;
        }
        if (key == null && RECOMMENDATIONS.matcher(heading).find()
                && body.stream().anyMatch(n -> numberedBelow(n, h.getLevel()))) {
            recommendations(h, body, endLine);
            return;
        }
        if (key == null) {
            // Level 2 whatever the author used: it was a section of its own, and exports put notes
            // between "##" sections, where a "###" would read as part of the one before.
            phaseFacts(body);
            note(heading, 2, slice(lastLine(h) + 1, endLine), lastKey);
            return;
        }
        switch (key) {
            case SectionNames.SUMMARY, SectionNames.ARTIFACTS -> {
                if (key.equals(SectionNames.SUMMARY)) {
                    summary(body);
                } else {
                    artifacts(body);
                }
                // Also kept verbatim: the subtask shape has no place for them, and an exported
                // subtask document must give back every section it was imported from.
                note(heading, 2, slice(lastLine(h) + 1, endLine), lastKey);
            }
            default -> knownSection(key, body);
        }
        if (!key.equals(SectionNames.SUMMARY) && !key.equals(SectionNames.ARTIFACTS)) {
            lastKey = key;
        }
    }

    // ---------------------------------------------------------------- recommendations

    private static final Pattern RECOMMENDATIONS = Pattern.compile("(?i)^[\\W\\d]*recommend(ed|ations?)\\b");
    private static final Pattern HEADING_PRIORITY = Pattern.compile(
            "\\s*(?:\\*\\*\\[(P[0-3])]\\*\\*|\\[(P[0-3])]|\\((P[0-3])\\)|\\*\\*(P[0-3])\\*\\*:?|^(P[0-3]):)\\s*");
    private static final Pattern BODY_PRIORITY = Pattern.compile(
            "\\[(P[0-3])]|\\*\\*Priority:?\\*\\*:?\\s*\\[?(P[0-3])\\b|\\bPriority:\\s*\\[?(P[0-3])\\b");

    /** A "### 1. ..." heading deeper than {@code level}: one recommendation. */
    private boolean numberedBelow(Node n, int level) {
        return n instanceof Heading sub && sub.getLevel() > level && NUMBERING.matcher(headingText(sub)).find();
    }

    /**
     * "## Recommendations" holding "### 1. What to do" headings: each is a next step, its text the
     * heading then the whole body under it, its priority from a [P0]..[P3] marker in the heading or
     * the body (none: the steps keep the document's order). The rest of the section (an intro,
     * other sub-headings) stays a note.
     */
    private void recommendations(Heading h, List<Node> body, int endLine) {
        List<String> kept = new ArrayList<>();
        List<Node> keptNodes = new ArrayList<>();
        int recLevel = 0;
        int keptFrom = lastLine(h) + 1;
        int idx = 0;
        while (idx < body.size()) {
            Node n = body.get(idx);
            if (!(n instanceof Heading sub && numberedBelow(sub, h.getLevel())
                    && (recLevel == 0 || sub.getLevel() == recLevel))) {
                keptNodes.add(n);
                idx++;
                continue;
            }
            recLevel = sub.getLevel();
            kept.add(slice(keptFrom, firstLine(sub) - 1).strip());
            int j = idx + 1;
            while (j < body.size() && !(body.get(j) instanceof Heading next && next.getLevel() <= recLevel)) {
                j++;
            }
            int end = j < body.size() ? firstLine(body.get(j)) - 1 : endLine;
            String text = slice(lastLine(sub) + 1, end).strip();
            recommendation(NUMBERING.matcher(headingText(sub)).replaceFirst(""), text);
            keptFrom = end + 1;
            idx = j;
        }
        kept.add(slice(keptFrom, endLine).strip());
        // What stays a note is read for stated findings as any other section's prose is.
        phaseFacts(keptNodes);
        String rest = String.join("\n\n", kept.stream().filter(k -> !k.isBlank()).toList());
        if (!rest.isBlank()) {
            note(headingText(h), 2, "\n" + rest, lastKey);
        }
    }

    private void recommendation(String heading, String text) {
        Priority priority = null;
        Matcher m = HEADING_PRIORITY.matcher(heading);
        String title = heading;
        if (m.find()) {
            for (int g = 1; g <= 5 && priority == null; g++) {
                priority = m.group(g) != null ? Priority.parse(m.group(g)) : null;
            }
            title = (heading.substring(0, m.start()) + " " + heading.substring(m.end())).strip();
        }
        Matcher p = BODY_PRIORITY.matcher(text);
        if (priority == null && p.find()) {
            for (int g = 1; g <= 3 && priority == null; g++) {
                priority = p.group(g) != null ? Priority.parse(p.group(g)) : null;
            }
        }
        b.nextSteps.add(new NextStep(text.isEmpty() ? title : title + "\n\n" + text, false, priority, null, null));
    }

    // ---------------------------------------------------------------- known sections

    private static final Pattern PHASE = Pattern.compile("(?i)^(phase|step|stage)\\s+\\d+");
    private static final Pattern SEVERITY_WORD = Pattern.compile("(?i)^(critical|high|medium|low|not rated)(\\s+(severity|priority))?$");
    private static final Pattern NUMBERING = Pattern.compile("^\\d+[.)]\\s+");

    private void knownSection(String key, List<Node> body) {
        knownSection(key, body, null, null);
    }

    /**
     * The blocks of a known section. Sub-headings are groups ("### P1", "### High", "### Internal")
     * whose blocks are read the same way with that context, hypotheses ("### H1. ..."), or named
     * items ("### 1. Unbounded cache (HIGH)", "### Phase 2: ...") whose details are kept as a note.
     */
    private void knownSection(String key, List<Node> body, Priority groupPriority, String severity) {
        int i = 0;
        while (i < body.size()) {
            Node n = body.get(i);
            if (!(n instanceof Heading sub)) {
                block(key, n, groupPriority, severity);
                i++;
                continue;
            }
            String text = headingText(sub);
            List<Node> subBody = new ArrayList<>();
            i++;
            while (i < body.size() && !(body.get(i) instanceof Heading next && next.getLevel() <= sub.getLevel())) {
                subBody.add(body.get(i++));
            }
            switch (key) {
                case "hypotheses" -> hypothesisSection(text, subBody);
                case "references" -> {
                    note(text, sub.getLevel(), "", key);
                    knownSection(key, subBody, null, null);
                }
                case "nextSteps" -> {
                    Priority p = priorityOfGroup(text);
                    if (p == null) {
                        note(text, sub.getLevel(), "", key);
                    }
                    knownSection(key, subBody, p != null ? p : groupPriority, null);
                }
                default -> {
                    if (key.equals("findings") && SEVERITY_WORD.matcher(text.strip()).matches()) {
                        String sev = text.strip().toUpperCase(Locale.ROOT);
                        knownSection(key, subBody, null, sev.equals("NOT RATED") ? null : sev);
                    } else {
                        addUnique(b.items(Section.valueOf(sectionEnum(key))), NUMBERING.matcher(text).replaceFirst(""));
                        phaseFacts(subBody);
                        int end = subBody.isEmpty() ? lastLine(sub) : lastLine(subBody.getLast());
                        note(text, sub.getLevel(), slice(lastLine(sub) + 1, end), key);
                    }
                }
            }
        }
    }

    private static String sectionEnum(String key) {
        return switch (key) {
            case "context" -> "CONTEXT";
            case "findings" -> "FINDINGS";
            case "actions" -> "ACTIONS";
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** One block of a known section. */
    private void block(String key, Node n, Priority priority, String severity) {
        if (n instanceof ListBlock list) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem li) {
                    listItem(key, li, priority, severity);
                }
            }
            return;
        }
        if (n instanceof Paragraph p) {
            String text = source(p).strip();
            if (finding(text, key.equals("findings"))) {
                return;
            }
            switch (key) {
                case "hypotheses" -> hypotheses.add(hypothesis(text, List.of()));
                case "nextSteps" -> b.nextSteps.add(step(text, priority));
                case "references" -> b.references.add(reference(text));
                default -> addItem(b.items(Section.valueOf(sectionEnum(key))), withSeverity(text, severity));
            }
            return;
        }
        note(null, 2, source(n), key);
    }

    private void listItem(String key, ListItem li, Priority priority, String severity) {
        switch (key) {
            case "hypotheses" -> {
                Node first = li.getFirstChild();
                List<Evidence> evidence = new ArrayList<>();
                boolean allEvidence = first instanceof Paragraph;
                for (Node c = first == null ? null : first.getNext(); c != null && allEvidence; c = c.getNext()) {
                    if (c instanceof BulletList || c instanceof ListBlock) {
                        for (Node e = c.getFirstChild(); e != null; e = e.getNext()) {
                            Evidence ev = evidence(itemText((ListItem) e));
                            if (ev == null) {
                                allEvidence = false;
                                break;
                            }
                            evidence.add(ev);
                        }
                    } else {
                        allEvidence = false;
                    }
                }
                if (allEvidence) {
                    hypotheses.add(hypothesis(source(first).strip(), evidence));
                } else {
                    hypotheses.add(hypothesis(itemText(li), List.of()));
                }
            }
            case "nextSteps" -> b.nextSteps.add(step(itemText(li), priority));
            case "references" -> b.references.add(reference(itemText(li)));
            default -> {
                String text = itemText(li);
                if (!finding(text, key.equals("findings"))) {
                    addItem(b.items(Section.valueOf(sectionEnum(key))), withSeverity(text, severity));
                }
            }
        }
    }

    private static String withSeverity(String text, String severity) {
        if (severity == null || dev.inquest.investigation.export.ReportExporter.severity(text) != null) {
            return text;
        }
        return text + " (" + severity + ")";
    }

    private static final Pattern FINDING_LABEL = Pattern.compile("^\\*\\*(?:Key )?Finding:?\\*\\*:?\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern RULED_OUT = Pattern.compile("(?i)^\\*\\*Ruled out:?\\*\\*:?\\s*(.+)$|^(.*\\bruled out as\\b.*)$", Pattern.DOTALL);

    /** "**Finding:** ..." lines and "Ruled out ..." statements anywhere: facts a report states inline. */
    private boolean finding(String text, boolean direct) {
        Matcher f = FINDING_LABEL.matcher(text);
        if (f.matches()) {
            if (!direct) {
                addUnique(inferredFindings, f.group(1).strip());
            } else if (inSummary) {
                summaryFinding(f.group(1).strip());
            } else {
                addItem(b.findings, f.group(1).strip());
            }
            return true;
        }
        return false;
    }

    /** Scans the details of a phase for stated findings and ruled-out hypotheses (the details stay as a note). */
    private void phaseFacts(List<Node> body) {
        for (Node n : body) {
            if (n instanceof Paragraph p) {
                String text = source(p).strip();
                if (!finding(text, false)) {
                    Matcher r = RULED_OUT.matcher(text);
                    if (r.matches()) {
                        String statement = r.group(1) != null ? r.group(1).strip() : ruledOutSentence(r.group(2));
                        inferred.add(new Hypothesis(null, statement, HypothesisStatus.REFUTED, List.of(), "", List.of()));
                    }
                }
            } else if (n instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    finding(itemText((ListItem) item), false);
                }
            }
        }
    }

    private static String ruledOutSentence(String paragraph) {
        for (String sentence : paragraph.replace('\n', ' ').split("(?<=[.!?])\\s+")) {
            if (sentence.toLowerCase(Locale.ROOT).contains("ruled out as")) {
                return sentence.strip();
            }
        }
        return paragraph.strip();
    }

    private void summary(List<Node> body) {
        inSummary = true;
        try {
            summaryBody(body);
        } finally {
            inSummary = false;
        }
    }

    private void summaryBody(List<Node> body) {
        List<String> text = new ArrayList<>();
        boolean listsAreFindings = false;
        for (Node n : body) {
            if (n instanceof Paragraph p) {
                String s = source(p).strip();
                if (s.matches("(?is)^\\*\\*(key findings|primary culprits|root causes?)[^*]*\\*\\*:?\\s*$")) {
                    listsAreFindings = true;
                    continue;
                }
                if (s.startsWith("**Open action items:**")) {
                    continue; // derived from the next steps, which are imported themselves
                }
                if (!finding(s, true)) {
                    text.add(s);
                }
                listsAreFindings = false;
            } else if (n instanceof ListBlock list && listsAreFindings) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    summaryFinding(itemText((ListItem) item));
                }
            } else {
                text.add(source(n).strip());
            }
        }
        if (!text.isEmpty()) {
            b.summary(String.join("\n\n", text));
        }
    }

    /** The report's artifact table: id, kind, file. Fingerprints are not in Markdown; they are taken again on open. */
    private void artifacts(List<Node> body) {
        for (Node n : body) {
            if (n instanceof TableBlock table) {
                for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
                    if (part instanceof TableBody tb) {
                        for (Node row = tb.getFirstChild(); row != null; row = row.getNext()) {
                            List<String> cells = cells((TableRow) row);
                            if (cells.size() >= 3) {
                                b.artifacts.add(new Artifact(cells.get(0), cells.get(1), unquote(cells.get(2)), null));
                            }
                        }
                    }
                }
            } else if (n instanceof BulletList list) {
                // "- A1 is the baseline: ..." under the table, as the export writes it (issue 18).
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    String text = itemText((ListItem) item);
                    int cut = text.indexOf(dev.inquest.investigation.export.ReportExporter.BASELINE_WORDS);
                    if (cut > 0) {
                        String id = text.substring(0, cut).strip();
                        b.artifacts.replaceAll(a -> id.equals(a.id())
                                ? a.withRole(dev.inquest.investigation.model.ArtifactRole.BASELINE) : a);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- hypotheses

    private static final Pattern HYP_ID = Pattern.compile("^\\*\\*(H\\d+)[:.]\\*\\*\\s+|^(H\\d+)[:.]\\s+");
    private static final Pattern VERDICT = Pattern.compile(
            "(?i)\\s*(?:\\*\\*\\((supported|refuted|inconclusive|ruled out|confirmed|open)\\)\\*\\*"
                    + "|\\s[—–-]\\s+(supported|refuted|inconclusive|ruled out|confirmed|open)\\.?"
                    + "|\\((supported|refuted|inconclusive|ruled out|confirmed)\\))$");

    private Hypothesis hypothesis(String text, List<Evidence> evidence) {
        String id = null;
        Matcher m = HYP_ID.matcher(text);
        if (m.find()) {
            id = m.group(1) != null ? m.group(1) : m.group(2);
            text = text.substring(m.end());
        }
        HypothesisStatus status = HypothesisStatus.OPEN;
        Matcher v = VERDICT.matcher(text);
        if (v.find()) {
            String word = v.group(1) != null ? v.group(1) : v.group(2) != null ? v.group(2) : v.group(3);
            status = HypothesisStatus.parse(word);
            text = text.substring(0, v.start());
        }
        return new Hypothesis(id, text.strip(), status, List.of(), "", evidence);
    }

    private static final Pattern STANCE = Pattern.compile("(?i)^(supports|refutes|for|against|evidence for|evidence against)\\s*:\\s*(.+)$", Pattern.DOTALL);

    private static Evidence evidence(String text) {
        Matcher m = STANCE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String s = m.group(1).toLowerCase(Locale.ROOT);
        Stance stance = s.contains("against") || s.startsWith("refut") ? Stance.REFUTES : Stance.SUPPORTS;
        return Evidence.note(stance, m.group(2).strip());
    }

    /** "### H1. Statement — Supported" with verdict, tags, notes and an evidence table under it. */
    private void hypothesisSection(String heading, List<Node> body) {
        Hypothesis h = hypothesis(heading.replaceFirst("^(H\\d+)\\.\\s+", "$1: "), List.of());
        List<String> tags = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Node n : body) {
            String s = source(n).strip();
            if (n instanceof Paragraph && s.startsWith("**Verdict:**")) {
                Matcher t = Pattern.compile("\\*\\*Tags:\\*\\*\\s*(.+)$").matcher(s);
                if (t.find()) {
                    for (String tag : t.group(1).split(",")) {
                        tags.add(unquote(tag.strip()));
                    }
                }
                continue;
            }
            if (n instanceof Paragraph && s.equals("_No evidence pinned yet._")) {
                continue;
            }
            if (n instanceof TableBlock table && evidenceTable(table, evidence)) {
                continue;
            }
            if (n instanceof ListBlock list) {
                boolean all = true;
                List<Evidence> found = new ArrayList<>();
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    Evidence e = evidence(itemText((ListItem) item));
                    all &= e != null;
                    if (e != null) {
                        found.add(e);
                    }
                }
                if (all) {
                    evidence.addAll(found);
                    continue;
                }
            }
            notes.add(s);
        }
        hypotheses.add(new Hypothesis(h.id(), h.statement(), h.status(), tags, String.join("\n\n", notes), evidence));
    }

    /** Our own report's "Stance | Evidence | Figures | Source" table, read back as evidence notes. */
    private boolean evidenceTable(TableBlock table, List<Evidence> out) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = null;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (header == null) {
                    header = cells((TableRow) row);
                } else {
                    rows.add(cells((TableRow) row));
                }
            }
        }
        if (header == null || header.isEmpty() || !header.get(0).equalsIgnoreCase("Stance")) {
            return false;
        }
        for (List<String> r : rows) {
            if (r.size() < 2) {
                continue;
            }
            Stance stance = r.get(0).toLowerCase(Locale.ROOT).startsWith("refut") ? Stance.REFUTES : Stance.SUPPORTS;
            String summary = r.get(1).replaceAll("\\s\\(E\\d+\\)", "");
            if (r.size() > 2 && !r.get(2).isBlank()) {
                summary += " (" + r.get(2) + ")";
            }
            out.add(Evidence.note(stance, summary));
        }
        return true;
    }

    // ---------------------------------------------------------------- next steps, references

    private static final Pattern CHECKBOX = Pattern.compile("^\\[([ xX])\\]\\s+");
    private static final Pattern PRIORITY = Pattern.compile("^(?:\\*\\*\\[(P[0-3])\\]\\*\\*|\\[(P[0-3])\\]|\\*\\*(P[0-3])\\*\\*:?|(P[0-3]):)\\s*");
    /**
     * {@code (owner: ...; tests H1)} at the end of a step. The owner may hold a backslash-escaped
     * backslash, {@code ;}, {@code (} or {@code )} (as the export writes them) and parentheses in
     * pairs (as people write "Lee (SRE)").
     */
    private static final Pattern STEP_TAIL = Pattern.compile(
            "\\s+\\((?:owner:\\s*((?:\\\\[\\\\;()]|\\([^\\\\;()]*\\)|[^\\\\;()])+?))?(?:;\\s*)?(?:tests\\s+(H\\d+))?\\)$");
    private static final Pattern OWNER_ESCAPE = Pattern.compile("\\\\([\\\\;()])");

    private static NextStep step(String text, Priority groupPriority) {
        boolean done = false;
        Matcher c = CHECKBOX.matcher(text);
        if (c.find()) {
            done = !c.group(1).isBlank();
            text = text.substring(c.end());
        }
        Priority priority = groupPriority;
        Matcher p = PRIORITY.matcher(text);
        if (p.find()) {
            for (int g = 1; g <= 4; g++) {
                if (p.group(g) != null) {
                    priority = Priority.parse(p.group(g));
                }
            }
            text = text.substring(p.end());
        }
        String owner = null;
        String hyp = null;
        Matcher t = STEP_TAIL.matcher(text);
        if (t.find() && (t.group(1) != null || t.group(2) != null)) {
            owner = t.group(1) == null ? null : OWNER_ESCAPE.matcher(t.group(1)).replaceAll("$1");
            hyp = t.group(2);
            text = text.substring(0, t.start());
        }
        return new NextStep(text.strip(), done, priority, owner, hyp);
    }

    private static Priority priorityOfGroup(String heading) {
        Matcher m = Pattern.compile("\\bP([0-3])\\b").matcher(heading);
        if (m.find()) {
            return Priority.values()[Integer.parseInt(m.group(1))];
        }
        String h = heading.toLowerCase(Locale.ROOT);
        if (h.contains("immediate") || h.contains("critical") || h.contains("urgent")) {
            return Priority.P0;
        }
        if (h.contains("short")) {
            return Priority.P1;
        }
        if (h.contains("medium")) {
            return Priority.P2;
        }
        if (h.contains("long")) {
            return Priority.P3;
        }
        return null;
    }

    private static final Pattern LINK = Pattern.compile("^\\[([^\\]]+)\\]\\(([^)\\s]*)\\)$");
    private static final Pattern BARE = Pattern.compile("^\\[([^\\]]+)\\]$");

    private static Reference reference(String text) {
        Matcher l = LINK.matcher(text);
        if (l.matches()) {
            return Reference.of(l.group(1), l.group(2));
        }
        Matcher bare = BARE.matcher(text);
        if (bare.matches()) {
            return Reference.of(bare.group(1), null);
        }
        Matcher url = Pattern.compile("(https?://\\S+)").matcher(text);
        return new Reference(text, url.find() ? url.group(1) : null, text);
    }

    // ---------------------------------------------------------------- metadata

    private static final Pattern META = Pattern.compile("^\\*\\*([^*]+?):\\*\\*\\s*(.*?)\\s*\\\\?$|^\\*\\*([^*]+?)\\*\\*:\\s*(.*?)\\s*\\\\?$");

    /** A paragraph of {@code **Name:** value} lines; false (and nothing taken) when any line is not one. */
    private boolean metadata(Paragraph p) {
        List<String[]> pairs = new ArrayList<>();
        for (String line : source(p).split("\n")) {
            Matcher m = META.matcher(line.strip());
            if (!m.matches()) {
                return false;
            }
            pairs.add(m.group(1) != null ? new String[] {m.group(1), m.group(2)} : new String[] {m.group(3), m.group(4)});
        }
        for (String[] kv : pairs) {
            meta(kv[0].strip(), kv[1].strip());
        }
        return true;
    }

    private void meta(String name, String value) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "created", "date", "opened", "started" -> {
                LocalDate d = date(value);
                if (d == null) {
                    b.metadata.add(new MetaLine(name, value));
                    return;
                }
                b.created(d);
                Matcher u = Pattern.compile("updated\\s+(\\S+?)\\)?$").matcher(value);
                if (u.find() && date(u.group(1)) != null) {
                    b.updated(date(u.group(1)));
                }
            }
            case "status" -> {
                Matcher m = Pattern.compile("^[^\\p{L}]*([\\p{L} -]+?)\\s*(?:\\((.*)\\))?$").matcher(value);
                CaseStatus s = m.matches() ? CaseStatus.find(m.group(1)).orElse(null) : null;
                if (s == null) {
                    b.metadata.add(new MetaLine(name, value));
                } else {
                    b.status(s).statusDetail(m.group(2));
                }
            }
            case "subtask" -> {
                try {
                    b.subtask(Integer.parseInt(value.replaceAll("\\D", "")));
                } catch (NumberFormatException e) {
                    b.metadata.add(new MetaLine(name, value));
                }
            }
            case "author", "authors" -> {
                // Kept as written too: a subtask export repeats the line the way its author wrote it.
                for (String a : value.split(",|\\band\\b")) {
                    if (!a.isBlank()) {
                        b.authors.add(a.strip());
                    }
                }
                b.metadata.add(new MetaLine(name, value));
            }
            default -> b.metadata.add(new MetaLine(name, value));
        }
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH), DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH), DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy/MM/dd"));

    static LocalDate date(String text) {
        Matcher iso = Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(text);
        if (iso.find()) {
            try {
                return LocalDate.parse(iso.group());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        String t = text.replaceAll("\\s*\\(.*$", "").strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // next shape
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- verbatim text

    private void note(String heading, int level, String markdown, String after) {
        if (heading == null && markdown.isBlank()) {
            return;
        }
        b.notes.add(new Note(heading, level, markdown, after));
    }

    private static int firstLine(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.getFirst().getLineIndex();
    }

    private static int lastLine(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.getLast().getLineIndex();
    }

    /** Source lines from..to inclusive, trailing blank lines dropped (a leading one is kept). */
    private String slice(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = Math.max(0, from); i <= Math.min(to, lines.length - 1); i++) {
            out.add(lines[i]);
        }
        while (!out.isEmpty() && out.getLast().isBlank()) {
            out.removeLast();
        }
        return String.join("\n", out);
    }

    /**
     * A block's text as written. Spans start at the block's column, which matters inside list
     * items ("- " is not part of the paragraph); lines without a span (blank ones) are kept whole.
     */
    private String source(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        if (spans.isEmpty()) {
            return "";
        }
        java.util.Map<Integer, Integer> column = new java.util.HashMap<>();
        for (SourceSpan sp : spans) {
            column.putIfAbsent(sp.getLineIndex(), sp.getColumnIndex());
        }
        List<String> out = new ArrayList<>();
        for (int i = firstLine(n); i <= Math.min(lastLine(n), lines.length - 1); i++) {
            int col = column.getOrDefault(i, 0);
            out.add(col <= lines[i].length() ? lines[i].substring(col) : "");
        }
        while (!out.isEmpty() && out.getLast().isBlank()) {
            out.removeLast();
        }
        return String.join("\n", out);
    }

    private static final Pattern MARKER = Pattern.compile("^(\\s*)([-*+]|\\d{1,9}[.)])(\\s+|$)");

    /** The text of a list item as written, marker removed and continuation lines de-indented. */
    private String itemText(ListItem li) {
        int from = firstLine(li);
        int to = lastLine(li);
        String first = lines[from];
        Matcher m = MARKER.matcher(first);
        int indent = 0;
        StringBuilder sb = new StringBuilder();
        if (m.find()) {
            indent = m.end();
            sb.append(first.substring(m.end()));
        } else {
            sb.append(first.strip());
        }
        for (int i = from + 1; i <= to; i++) {
            String line = lines[i];
            int strip = 0;
            while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
                strip++;
            }
            sb.append('\n').append(line.substring(strip));
        }
        return sb.toString().strip();
    }

    private String headingText(Heading h) {
        String line = lines[firstLine(h)];
        return line.replaceFirst("^\\s{0,3}#{1,6}\\s*", "").replaceFirst("\\s+#+\\s*$", "").strip();
    }

    private List<String> cells(TableRow row) {
        List<String> out = new ArrayList<>();
        for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof TableCell cell) {
                out.add(cellSource(cell));
            }
        }
        return out;
    }

    /**
     * Table cells have no line spans of their own in BLOCKS mode; re-split the row's source line
     * on unescaped pipes, which is what GFM does.
     */
    private String cellSource(TableCell cell) {
        TableRow row = (TableRow) cell.getParent();
        int index = 0;
        for (Node c = row.getFirstChild(); c != cell; c = c.getNext()) {
            index++;
        }
        String line = lines[firstLine(row)].strip();
        if (line.startsWith("|")) {
            line = line.substring(1);
        }
        if (line.endsWith("|") && !line.endsWith("\\|")) {
            line = line.substring(0, line.length() - 1);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cur.append('|');
                i++;
            } else if (ch == '|') {
                parts.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        parts.add(cur.toString().strip());
        return index < parts.size() ? parts.get(index).replace("<br>", "\n") : "";
    }

    private static String unquote(String s) {
        String t = s.strip();
        while (t.length() >= 2 && t.startsWith("`") && t.endsWith("`")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.strip();
    }

    /** What each item list holds, for {@link #addUnique} in constant time (lists can be 100,000s long). */
    private final java.util.Map<List<String>, java.util.Set<String>> held = new java.util.IdentityHashMap<>();
    /** Key findings the executive summary listed, not yet met again in the Findings section. */
    private final java.util.Map<String, Integer> summaryCopies = new java.util.HashMap<>();
    /** Findings listed in a Findings section, not yet met again in the executive summary. */
    private final java.util.Map<String, Integer> listedFindings = new java.util.HashMap<>();
    private boolean inSummary;

    private java.util.Set<String> held(List<String> list) {
        return held.computeIfAbsent(list, l -> new java.util.HashSet<>(l));
    }

    /** An item derived from elsewhere (a heading, prose, a phase): left out when the list has it already. */
    private void addUnique(List<String> list, String item) {
        if (!item.isBlank() && held(list).add(item)) {
            list.add(item);
        }
    }

    /**
     * An item the author listed: identical items are distinct entries of the document and all
     * kept, except the one copy of each key finding the executive summary already gave.
     */
    private void addItem(List<String> list, String item) {
        if (item.isBlank()) {
            return;
        }
        if (list == b.findings) {
            if (take(summaryCopies, item)) {
                return;
            }
            listedFindings.merge(item, 1, Integer::sum);
        }
        held(list).add(item);
        list.add(item);
    }

    /**
     * A key finding from the executive summary: the same finding as one the Findings section
     * lists (before or after it), or a finding of its own.
     */
    private void summaryFinding(String item) {
        if (item.isBlank() || take(listedFindings, item)) {
            return;
        }
        held(b.findings).add(item);
        b.findings.add(item);
        summaryCopies.merge(item, 1, Integer::sum);
    }

    /** One count of {@code item} taken from the multiset, if it had one. */
    private static boolean take(java.util.Map<String, Integer> counts, String item) {
        Integer n = counts.get(item);
        if (n == null) {
            return false;
        }
        if (n == 1) {
            counts.remove(item);
        } else {
            counts.put(item, n - 1);
        }
        return true;
    }

    // ---------------------------------------------------------------- result

    private Case finish() {
        inferredFindings.forEach(f -> addUnique(b.findings, f));
        inferredActions.forEach(a -> addUnique(b.actions, a));
        for (Hypothesis h : inferred) {
            if (hypotheses.stream().noneMatch(x -> x.statement().equals(h.statement()))) {
                hypotheses.add(h);
            }
        }
        List<String> used = new ArrayList<>();
        hypotheses.forEach(h -> used.add(h.id()));
        int next = 1;
        for (Hypothesis h : hypotheses) {
            if (h.id() == null) {
                while (used.contains("H" + next)) {
                    next++;
                }
                used.add("H" + next);
                b.hypotheses.add(new Hypothesis("H" + next, h.statement(), h.status(), h.tags(), h.notes(), h.evidence()));
            } else {
                b.hypotheses.add(h);
            }
        }
        // Evidence ids unique across the case, as pinned evidence has.
        int e = 1;
        for (int i = 0; i < b.hypotheses.size(); i++) {
            Hypothesis h = b.hypotheses.get(i);
            List<Evidence> ev = new ArrayList<>();
            for (Evidence x : h.evidence()) {
                ev.add(x.id() == null ? x.withId("E" + e++) : x);
            }
            b.hypotheses.set(i, h.withEvidence(ev));
        }
        return b.build();
    }
}
