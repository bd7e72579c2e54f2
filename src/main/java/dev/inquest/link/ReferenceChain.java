package dev.inquest.link;

import dev.inquest.jfr.oldobj.OldObjectReport;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference chain as a heap walk needs it: from the object nearest the GC root down to the
 * sampled object, each link saying how the object above refers to it.
 *
 * @param root  the GC root as the recording described it ("Threads Stack Variable ..."), or null
 * @param links root side first; the last link is the sampled object; never empty
 */
public record ReferenceChain(String root, List<Link> links) {
    /**
     * One object on the chain.
     *
     * @param className      its class, as both engines name classes ({@code java.util.HashMap$Node[]})
     * @param describedClass for a {@code java.lang.Class} object, the class it is (JFR's "Class Name: X"), else null
     * @param field          the field of the object above holding this one, or null
     * @param index          the array slot of the object above holding this one, or -1
     * @param skipped        objects the recording left out between the object above and this one (long chains are cut in the middle)
     */
    public record Link(String className, String describedClass, String field, long index, int skipped) {
        public static Link of(String className) {
            return new Link(className, null, null, -1, 0);
        }

        /** How the link reads in a message: {@code HashMap$Node[] .table}. */
        public String describe() {
            String via = field != null ? " ." + field : index >= 0 ? " [" + index + "]" : "";
            return (describedClass != null ? "class " + describedClass : className) + via
                    + (skipped > 0 ? " (" + skipped + " skipped)" : "");
        }
    }

    public ReferenceChain {
        if (links.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least the sampled object");
        }
        links = List.copyOf(links);
    }

    public Link object() {
        return links.getLast();
    }

    // OldObjectReader writes a step's "via" as "name", "[index]", either followed by " (N objects skipped)", or null.
    private static final Pattern VIA = Pattern.compile("^(?:\\[(\\d+)]|([^\\s(]+))?\\s*(?:\\((\\d+) objects skipped\\))?$");
    private static final String CLASS_NAME = "Class Name: ";

    /** The chain of an old-object sample; a sample without one is just its object. */
    public static ReferenceChain of(OldObjectReport.Sample sample) {
        List<OldObjectReport.Step> steps = sample.chain();
        if (steps.isEmpty()) {
            return new ReferenceChain(sample.root(), List.of(Link.of(sample.type())));
        }
        List<Link> links = new ArrayList<>();
        // The report lists the object first and says, per step, how the next one (towards the root) holds it.
        for (int i = steps.size() - 1; i >= 0; i--) {
            OldObjectReport.Step s = steps.get(i);
            String described = s.description() != null && s.description().startsWith(CLASS_NAME)
                    ? s.description().substring(CLASS_NAME.length()).strip() : null;
            String field = null;
            long index = -1;
            int skipped = 0;
            if (s.via() != null) {
                Matcher m = VIA.matcher(s.via().strip());
                if (m.matches()) {
                    index = m.group(1) == null ? -1 : Long.parseLong(m.group(1));
                    field = m.group(2);
                    skipped = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                }
            }
            links.add(new Link(s.type(), described, field, index, skipped));
        }
        // "via" sits on the held object; a link carries how its holder (the link above) refers to it.
        return new ReferenceChain(sample.root(), links);
    }
}
