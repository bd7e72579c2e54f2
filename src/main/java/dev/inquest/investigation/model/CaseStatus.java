package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Where an investigation stands; the words are the ones teams write in their documents. */
public enum CaseStatus {
    OPEN("Open"),
    IN_PROGRESS("In Progress"),
    BLOCKED("Blocked"),
    RESOLVED("Resolved"),
    CLOSED("Closed");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Lenient: "in progress", "IN_PROGRESS", "In-Progress" and "✅ Resolved" all parse. */
    public static Optional<CaseStatus> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String norm = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
        for (CaseStatus s : values()) {
            String word = s.label.toLowerCase(Locale.ROOT);
            if (norm.equals(word) || norm.startsWith(word + " ")) {
                return Optional.of(s);
            }
        }
        // Common synonyms seen in reports.
        if (norm.startsWith("done") || norm.startsWith("fixed") || norm.startsWith("complete")) {
            return Optional.of(RESOLVED);
        }
        if (norm.startsWith("wip") || norm.startsWith("ongoing") || norm.startsWith("investigating")) {
            return Optional.of(IN_PROGRESS);
        }
        return Optional.empty();
    }

    @JsonCreator
    public static CaseStatus parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException("unknown case status: " + text));
    }
}
