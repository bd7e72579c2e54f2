package dev.inquest.investigation.importer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the headings people actually write to the case's sections. Exact names first, then
 * keywords in an order that settles overlaps ("Next Steps" is not "Steps Taken"). Anything
 * unmatched is kept as a note, so a wrong guess here never loses text.
 */
final class SectionNames {
    private SectionNames() {
    }

    /** Section keys beyond {@link dev.inquest.investigation.model.Section}: the report's extras. */
    static final String SUMMARY = "summary";
    static final String ARTIFACTS = "artifacts";

    private static final Map<String, String> EXACT = Map.ofEntries(
            Map.entry("context", "context"), Map.entry("background", "context"), Map.entry("overview", "context"),
            Map.entry("problem", "context"), Map.entry("problem statement", "context"), Map.entry("symptoms", "context"),
            Map.entry("findings", "findings"), Map.entry("key findings", "findings"),
            Map.entry("findings by severity", "findings"), Map.entry("results", "findings"),
            Map.entry("observations", "findings"), Map.entry("root cause", "findings"),
            Map.entry("hypotheses and questions", "hypotheses"), Map.entry("hypotheses", "hypotheses"),
            Map.entry("open questions", "hypotheses"), Map.entry("questions", "hypotheses"),
            Map.entry("actions taken", "actions"), Map.entry("what we tried", "actions"),
            Map.entry("what was tried", "actions"), Map.entry("actions", "actions"), Map.entry("steps taken", "actions"),
            Map.entry("investigation", "actions"), Map.entry("investigation steps", "actions"),
            Map.entry("next steps", "nextSteps"), Map.entry("priority action items", "nextSteps"),
            Map.entry("action items", "nextSteps"), Map.entry("todo", "nextSteps"), Map.entry("to do", "nextSteps"),
            Map.entry("follow ups", "nextSteps"), Map.entry("follow up", "nextSteps"),
            Map.entry("references", "references"), Map.entry("links", "references"),
            Map.entry("resources", "references"), Map.entry("see also", "references"),
            Map.entry("executive summary", SUMMARY), Map.entry("summary", SUMMARY), Map.entry("tl dr", SUMMARY),
            Map.entry("tldr", SUMMARY), Map.entry("artifacts", ARTIFACTS));

    private record Rule(String key, List<String> words) {
    }

    private static final List<Rule> KEYWORDS = List.of(
            new Rule("nextSteps", List.of("next step", "action item", "todo", "follow up", "follow-up", "to do")),
            new Rule("hypotheses", List.of("hypothes", "question", "theories", "theory")),
            new Rule("findings", List.of("finding", "observation", "root cause", "result")),
            new Rule("actions", List.of("actions taken", "what we tried", "what was tried", "what we did", "steps taken",
                    "investigation phase", "investigation step", "tried so far")),
            new Rule("context", List.of("context", "background", "problem statement", "symptom")),
            new Rule("references", List.of("reference", "links", "resources", "see also", "further reading")),
            new Rule(SUMMARY, List.of("executive summary", "tl;dr", "tl dr")));

    /** The section key for a heading, or null when it is not one we model. */
    static String classify(String heading) {
        String n = normalise(heading);
        String exact = EXACT.get(n);
        if (exact != null) {
            return exact;
        }
        for (Rule r : KEYWORDS) {
            for (String w : r.words()) {
                if (n.contains(w)) {
                    return r.key();
                }
            }
        }
        return null;
    }

    /** Lower case, numbering, emoji and punctuation gone: "3. 🔎 Key Findings:" -> "key findings". */
    static String normalise(String heading) {
        String s = heading.toLowerCase(Locale.ROOT).replace('&', ' ');
        s = s.replaceAll("^[\\s\\d.)#:-]+", "");
        s = s.replaceAll("[^\\p{L}\\p{N};\\- ]+", " ").replace('-', ' ');
        s = s.replaceAll("\\s+", " ").strip();
        return s.replace("hypotheses questions", "hypotheses and questions");
    }
}
