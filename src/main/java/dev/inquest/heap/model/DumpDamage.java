package dev.inquest.heap.model;

import java.util.List;

/**
 * What is wrong with a dump and what that means for its figures, in the words both faces use
 * (issue 17): the window's banner shows {@link #sentence()}, the command line warns with
 * {@link #headline()} and one line per problem. Written here once so the two never drift apart.
 *
 * @param problems the dump's problems, one sentence each with its byte offset where one exists; empty when whole
 */
public record DumpDamage(List<String> problems) {
    /** What a cut or damaged dump means for every figure read from it. */
    public static final String CONSEQUENCE = "figures cover only the readable part";

    public DumpDamage {
        problems = List.copyOf(problems);
    }

    /** Whether anything is wrong: then every figure is partial. */
    public boolean partial() {
        return !problems.isEmpty();
    }

    /** "is truncated; figures cover only the readable part", said after the file's name. */
    public String headline() {
        return "is truncated; " + CONSEQUENCE;
    }

    /**
     * One sentence for the user, e.g. "This dump is incomplete: the file ends inside a HEAP_DUMP_SEGMENT
     * at byte 1234. Its figures cover only the readable part."; empty when the dump is whole.
     */
    public String sentence() {
        if (problems.isEmpty()) {
            return "";
        }
        String all = String.join("; ", problems);
        return "This dump is incomplete: " + all + (all.endsWith(".") ? "" : ".") + " Its " + CONSEQUENCE + ".";
    }
}
