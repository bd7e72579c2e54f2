package dev.inquest.investigation.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.inquest.input.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Jackson's failures in one plain sentence each: which field (a path such as
 * {@code hypotheses[2].created}), what was expected and what was found. No Java class names, no
 * parser limit names: the reader of the message has a case file open in an editor, not our code.
 */
final class Words {
    private Words() {
    }

    /** A binding failure on the (possibly migrated) tree, located in the original bytes. */
    static BadInputException binding(JsonMappingException e, JsonNode tree, byte[] bytes, Path file) {
        List<Object> path = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                path.add(r.getIndex());
                shown.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                path.add(r.getFieldName());
                shown.append(shown.isEmpty() ? "" : ".").append(r.getFieldName());
            }
        }
        JsonNode node = tree;
        for (Object step : path) {
            node = node == null ? null : step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        String what;
        if (e instanceof StrictDates.Problem) {
            what = e.getOriginalMessage();
        } else if (e instanceof ValueInstantiationException && e.getCause() instanceof NullPointerException npe
                && npe.getMessage() != null && npe.getMessage().matches("[A-Za-z]+")) {
            // A record's requireNonNull(x, "name"): a required field is missing.
            what = npe.getMessage() + " is missing";
        } else if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            // A record's own check refused the value; its message is already in words.
            what = firstLine(e.getCause().getMessage());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            what = "expected " + expected(m.getTargetType()) + ", found " + found(node);
        } else {
            what = firstLine(e.getOriginalMessage());
        }
        String field = shown.isEmpty() ? "the case" : "field " + shown;
        return new BadInputException(file, "not a valid case file: " + field + ": " + what,
                Locations.offsetOf(bytes, path), e);
    }

    private static String expected(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-01-27";
        }
        if (type == Instant.class) {
            return "a time like 2026-01-27T10:15:30Z";
        }
        if (type.isEnum()) {
            return "one of its words (text)";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another kind";
    }

    /** What a tree value is, in words (short: text is cut to 40 characters). */
    static String found(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "text " + quoted(node.asText());
        }
        if (node.isNumber()) {
            return "the number " + cut(node.asText());
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isObject() ? "an object" : "a value of another kind";
    }

    /** What the parser stands on, in words. */
    static String found(JsonParser p) throws IOException {
        if (p.currentToken() == null) {
            return "nothing";
        }
        return switch (p.currentToken()) {
            case VALUE_STRING -> "text " + quoted(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + cut(p.getText());
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> p.getText();
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            default -> "a value of another kind";
        };
    }

    static String quoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        cut(text).codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('"').toString();
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** A parser limit, named by what it means for a case file. */
    static String limit(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("String value length")) {
            return "a text field longer than " + (CaseJson.MAX_TEXT_CHARS >> 20) + " MB";
        }
        if (m.contains("nesting depth")) {
            return "values nested deeper than " + CaseJson.MAX_DEPTH + " levels";
        }
        if (m.startsWith("Number value length") || m.startsWith("Number length")) {
            return "a number with too many digits";
        }
        if (m.startsWith("Name length")) {
            return "a field name that is far too long";
        }
        return "too large: " + firstLine(m);
    }

    /** A JSON syntax error, in words. */
    static String syntax(String message) {
        String m = firstLine(message);
        if (m.startsWith("Duplicate field '")) {
            int end = m.indexOf('\'', 17);
            return "field \"" + (end > 17 ? m.substring(17, end) : "?") + "\" appears twice in the same object";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "the JSON ends too early (the file is cut short)";
        }
        return "broken JSON: " + m;
    }

    static long offset(JsonLocation loc) {
        if (loc == null) {
            return 0;
        }
        long b = loc.getByteOffset();
        return b >= 0 ? b : Math.max(0, loc.getCharOffset());
    }

    static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
