package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The verdict on a hypothesis. */
public enum HypothesisStatus {
    OPEN, SUPPORTED, REFUTED, INCONCLUSIVE;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "Supported", "Confirmed" -> supported; "Ruled out", "Rejected" -> refuted. */
    @JsonCreator
    public static HypothesisStatus parse(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT).strip();
        if (t.startsWith("support") || t.startsWith("confirm")) {
            return SUPPORTED;
        }
        if (t.startsWith("refut") || t.startsWith("ruled out") || t.startsWith("reject") || t.startsWith("disproved")) {
            return REFUTED;
        }
        if (t.startsWith("inconclusive") || t.startsWith("unclear")) {
            return INCONCLUSIVE;
        }
        if (t.isEmpty() || t.startsWith("open")) {
            return OPEN;
        }
        throw new IllegalArgumentException("unknown hypothesis status: " + text);
    }

    public String label() {
        String w = word();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
