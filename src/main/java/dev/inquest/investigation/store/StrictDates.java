package dev.inquest.investigation.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Dates in a case file are the ISO strings this build writes, nothing else. Jackson's own readers
 * also take a number as days or seconds since 1970, so {@code "created": 20260127} came out as the
 * year 57440; here any other shape or a year outside 1..9999 is a {@link Problem} in words.
 */
final class StrictDates {
    private StrictDates() {
    }

    /** A wrong value, in the words the user reads (the field's path is added by the caller). */
    static final class Problem extends MismatchedInputException {
        Problem(JsonParser p, String msg, Class<?> type) {
            super(p, msg, type);
        }
    }

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("inquest-strict-dates");
        m.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = text(p, LocalDate.class, "a date like 2026-01-27");
                try {
                    if (DAY.matcher(text).matches()) {
                        LocalDate d = LocalDate.parse(text);
                        if (d.getYear() >= 1) {
                            return d;
                        }
                    }
                } catch (DateTimeParseException e) {
                    // Worded below.
                }
                throw new Problem(p, "expected a date like 2026-01-27, found text " + Words.quoted(text), LocalDate.class);
            }
        });
        m.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = text(p, Instant.class, "a time like 2026-01-27T10:15:30Z");
                Instant t = null;
                try {
                    t = Instant.parse(text);
                } catch (DateTimeParseException e) {
                    try {
                        t = OffsetDateTime.parse(text).toInstant();
                    } catch (DateTimeParseException e2) {
                        // Worded below.
                    }
                }
                int year = t == null ? 0 : t.atOffset(ZoneOffset.UTC).getYear();
                if (year < 1 || year > 9999) {
                    throw new Problem(p, "expected a time like 2026-01-27T10:15:30Z, found text " + Words.quoted(text),
                            Instant.class);
                }
                return t;
            }
        });
        return m;
    }

    private static String text(JsonParser p, Class<?> type, String expected) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        throw new Problem(p, "expected " + expected + " (text), found " + Words.found(p), type);
    }
}
