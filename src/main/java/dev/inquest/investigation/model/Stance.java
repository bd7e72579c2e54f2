package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a piece of evidence speaks for or against its hypothesis. */
public enum Stance {
    SUPPORTS, REFUTES;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Stance parse(String text) {
        String t = text.toLowerCase(Locale.ROOT).strip();
        if (t.startsWith("support") || t.equals("for") || t.startsWith("pro")) {
            return SUPPORTS;
        }
        if (t.startsWith("refut") || t.equals("against") || t.startsWith("contra")) {
            return REFUTES;
        }
        throw new IllegalArgumentException("unknown stance: " + text);
    }

    public String label() {
        return this == SUPPORTS ? "Supports" : "Refutes";
    }
}
