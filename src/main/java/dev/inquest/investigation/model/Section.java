package dev.inquest.investigation.model;

/** The sections of a case document, in the order the subtask shape prints them. */
public enum Section {
    CONTEXT("context", "Context"),
    FINDINGS("findings", "Findings"),
    HYPOTHESES("hypotheses", "Hypotheses and Questions"),
    ACTIONS("actions", "Actions Taken"),
    NEXT_STEPS("nextSteps", "Next Steps"),
    REFERENCES("references", "References");

    private final String key;
    private final String heading;

    Section(String key, String heading) {
        this.key = key;
        this.heading = heading;
    }

    /** The JSON field name, also used by {@link Note#after()}. */
    public String key() {
        return key;
    }

    public String heading() {
        return heading;
    }
}
