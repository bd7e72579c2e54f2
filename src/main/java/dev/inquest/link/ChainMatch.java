package dev.inquest.link;

import java.util.List;

/**
 * Where a recording's reference chain lands in a heap dump.
 *
 * @param chain     the chain looked for
 * @param firstStep index of the first link found in the dump: above it the chain names classes the
 *                  dump does not have (or the recording cut the chain there), so the walk started at
 *                  any instance of that link's class
 * @param path      the objects (heap nodes) matched, link by link from {@code firstStep} down: the
 *                  whole rest of the chain when complete, else the deepest walk found
 * @param matches   objects matching the whole chain (at most the limit asked for), first found first
 * @param more      true when the walk stopped at the limit or its budget, so more objects may match
 * @param exact     true when the first match also has the recording's array indexes: with a dump and a
 *                  recording taken together, most likely the sampled object itself
 */
public record ChainMatch(ReferenceChain chain, int firstStep, List<Long> path, List<Long> matches, boolean more,
                         boolean exact) {
    public ChainMatch {
        path = List.copyOf(path);
        matches = List.copyOf(matches);
    }

    /** Links of the chain. */
    public int steps() {
        return chain.links().size();
    }

    /** How many links matched, on the best walk. */
    public int matchedSteps() {
        return path.size();
    }

    /** Whether an object matched the chain from the first link found down to the sampled object. */
    public boolean complete() {
        return !matches.isEmpty();
    }

    /** The object to show: the first full match, else the deepest object matched, else -1. */
    public long node() {
        return !matches.isEmpty() ? matches.getFirst() : path.isEmpty() ? -1 : path.getLast();
    }

    /** One or two sentences for the user. */
    public String describe() {
        List<ReferenceChain.Link> links = chain.links();
        if (path.isEmpty()) {
            return "Nothing in the heap dump matches the chain: the dump has no " + links.stream()
                    .map(l -> l.describedClass() != null ? "class " + l.describedClass() : l.className()).distinct()
                    .reduce((a, b) -> a + ", " + b).orElse("") + ".";
        }
        String top = firstStep == 0 ? "" : " The top " + firstStep + (firstStep == 1 ? " link is" : " links are")
                + " not in the dump; the walk started at " + links.get(firstStep).describe().split(" \\.")[0] + ".";
        if (complete()) {
            int n = steps() - firstStep;
            String head = "Matched " + (firstStep == 0 ? "all " + n : n + " of " + steps()) + " links of the chain";
            if (exact && links.stream().anyMatch(l -> l.index() >= 0)) {
                head += ", array indexes included: most likely the sampled object itself";
            } else if (matches.size() > 1) {
                head += "; " + matches.size() + (more ? "+" : "") + " objects fit it, the first is shown";
            }
            return head + "." + top;
        }
        ReferenceChain.Link missing = links.get(firstStep + path.size());
        return "Only " + path.size() + " of " + steps() + " links matched: no " + missing.describe().replace(" .", " in field ")
                + " under the object reached." + top;
    }
}
