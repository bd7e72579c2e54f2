package dev.inquest.investigation.model;

/** P0 (drop everything) .. P3 (when convenient), as in "Priority Action Items". */
public enum Priority {
    P0, P1, P2, P3;

    public static Priority parse(String text) {
        return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
