package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an artifact is for in the case. A case file without a role (older files, most artifacts)
 * means {@link #SUBJECT}: the role is written only for a baseline.
 */
public enum ArtifactRole {
    /** A dump or recording the case looks at. */
    SUBJECT("subject"),
    /** The earlier dump the others are compared with; links from a recording go elsewhere (issue 18). */
    BASELINE("baseline");

    private final String word;

    ArtifactRole(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }

    /**
     * The role a case file names; a word a newer build may write and this one does not know
     * reads as no role (null, a subject) rather than making the whole case unreadable.
     */
    @JsonCreator
    public static ArtifactRole parse(String text) {
        if (text == null) {
            return null;
        }
        String norm = text.strip().toLowerCase(Locale.ROOT);
        for (ArtifactRole r : values()) {
            if (r.word.equals(norm)) {
                return r;
            }
        }
        return null;
    }
}
