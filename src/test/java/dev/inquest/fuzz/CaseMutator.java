package dev.inquest.fuzz;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Damages a case file: cuts, garbage between tokens, a deleted field, a field of the wrong type, a
 * duplicated key, a formatVersion that is not one. Works on the JSON tree (the seed's fields and
 * their pointers are listed once) and on the text where the damage is textual.
 */
final class CaseMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] GARBAGE = {"#", "}}", ",,", "\u0000", "]", "@@@", "{\"", ":", "\"x\""};

    private final String text;
    private final JsonNode tree;
    /** Every field of every object: its parent's pointer and its name. */
    private final List<Map.Entry<JsonPointer, String>> fields = new ArrayList<>();
    /** Where FIELD_NAME tokens start in the text: garbage there breaks the syntax for certain. */
    private final List<Integer> fieldStarts = new ArrayList<>();
    private final int formatVersion;

    CaseMutator(byte[] seed) {
        this.text = new String(seed, StandardCharsets.UTF_8);
        try {
            this.tree = JSON.readTree(text);
            try (JsonParser p = JSON.createParser(text)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.FIELD_NAME) {
                        fieldStarts.add((int) p.currentTokenLocation().getCharOffset());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        formatVersion = tree.get("formatVersion").asInt();
        // The seed is a small known tree: an explicit stack keeps the rule of the codebase anyway.
        Deque<JsonPointer> todo = new ArrayDeque<>(List.of(JsonPointer.empty()));
        while (!todo.isEmpty()) {
            JsonPointer at = todo.pop();
            JsonNode n = tree.at(at);
            if (n.isObject()) {
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    fields.add(Map.entry(at, e.getKey()));
                    todo.push(at.appendProperty(e.getKey()));
                }
            } else if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    todo.push(at.appendIndex(i));
                }
            }
        }
    }

    int fields() {
        return fields.size();
    }

    Mutation next(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> cut(r);
            case 1 -> garbage(r);
            case 2 -> delete(r);
            case 3, 4 -> retype(r);
            case 5 -> duplicate(r);
            default -> version(r);
        };
    }

    private Mutation cut(Random r) {
        int at = r.nextInt(text.strip().length());
        return new Mutation("case cut", "at char " + at + " of " + text.length(), true,
                text.substring(0, at).getBytes(StandardCharsets.UTF_8));
    }

    private Mutation garbage(Random r) {
        int at = fieldStarts.get(r.nextInt(fieldStarts.size()));
        String g = GARBAGE[r.nextInt(GARBAGE.length)];
        return new Mutation("case garbage", "'" + g.replace("\u0000", "\\0") + "' before the field name at char " + at, true,
                (text.substring(0, at) + g + text.substring(at)).getBytes(StandardCharsets.UTF_8));
    }

    private Mutation delete(Random r) {
        Map.Entry<JsonPointer, String> f = fields.get(r.nextInt(fields.size()));
        JsonNode copy = tree.deepCopy();
        ((ObjectNode) copy.at(f.getKey())).remove(f.getValue());
        // Without these a file is no case; other fields may have defaults (the contract still holds).
        boolean required = f.getKey().matches() && (f.getValue().equals("title") || f.getValue().equals("formatVersion"));
        return new Mutation("case delete field", f.getKey().appendProperty(f.getValue()).toString(), required, write(copy));
    }

    private Mutation retype(Random r) {
        Map.Entry<JsonPointer, String> f;
        JsonNode old;
        do {
            f = fields.get(r.nextInt(fields.size()));
            old = tree.at(f.getKey()).get(f.getValue());
        } while (old.isNull() || f.getKey().matches() && f.getValue().equals("formatVersion"));
        JsonNode v = otherType(old, r);
        JsonNode copy = tree.deepCopy();
        ((ObjectNode) copy.at(f.getKey())).set(f.getValue(), v);
        return new Mutation("case wrong type", f.getKey().appendProperty(f.getValue()) + " from " + abbreviate(old) + " to " + v,
                true, write(copy));
    }

    /** A value of another JSON type that no lenient reading can take for the old one. */
    private static JsonNode otherType(JsonNode old, Random r) {
        List<JsonNode> choices = new ArrayList<>();
        if (!old.isTextual()) {
            choices.add(NODES.textNode("not a " + old.getNodeType().name().toLowerCase()));
        }
        if (!old.isNumber() && !old.isTextual()) {
            choices.add(NODES.numberNode(12345));
        }
        if (old.isTextual()) {
            choices.add(NODES.numberNode(12345));
            choices.add(NODES.booleanNode(true));
        }
        if (!old.isObject()) {
            choices.add(NODES.objectNode().put("x", 1));
        }
        if (!old.isArray()) {
            ArrayNode a = NODES.arrayNode();
            a.add(1).add("two");
            choices.add(a);
        }
        return choices.get(r.nextInt(choices.size()));
    }

    private Mutation duplicate(Random r) {
        Map.Entry<JsonPointer, String> f = fields.get(r.nextInt(fields.size()));
        JsonNode old = tree.at(f.getKey()).get(f.getValue());
        JsonNode second = old.isTextual() ? NODES.textNode(old.asText() + " (second)")
                : old.isNumber() ? NODES.numberNode(old.asLong() + 1) : old;
        StringBuilder out = new StringBuilder();
        writeWithDuplicate(tree, JsonPointer.empty(), f, second, out);
        return new Mutation("case duplicate key", f.getKey().appendProperty(f.getValue()) + " twice, second " + abbreviate(second),
                true, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The tree as JSON text with one field written twice (a tree cannot hold that). Recursion is over the small seed. */
    private static void writeWithDuplicate(JsonNode n, JsonPointer at, Map.Entry<JsonPointer, String> dup, JsonNode second,
                                           StringBuilder out) {
        if (n.isObject()) {
            out.append("{\n");
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (!first) {
                    out.append(",\n");
                }
                first = false;
                out.append(NODES.textNode(e.getKey())).append(": ");
                writeWithDuplicate(e.getValue(), at.appendProperty(e.getKey()), dup, second, out);
                if (at.equals(dup.getKey()) && e.getKey().equals(dup.getValue())) {
                    out.append(",\n").append(NODES.textNode(e.getKey())).append(": ").append(second);
                }
            }
            out.append("\n}");
        } else if (n.isArray()) {
            out.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                writeWithDuplicate(n.get(i), at.appendIndex(i), dup, second, out);
            }
            out.append(']');
        } else {
            out.append(n);
        }
    }

    private Mutation version(Random r) {
        JsonNode[] values = {NODES.numberNode(0), NODES.numberNode(-1), NODES.textNode(String.valueOf(formatVersion)),
            NODES.textNode("x"), NODES.numberNode(formatVersion + 0.5), NODES.nullNode(), NODES.arrayNode(),
            NODES.numberNode(99), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(formatVersion - 1)};
        JsonNode v = values[r.nextInt(values.length)];
        JsonNode copy = tree.deepCopy();
        ((ObjectNode) copy).set("formatVersion", v);
        // A newer version is a file from a newer build, an older one a file to migrate: not damage in themselves.
        boolean bad = !(v.isIntegralNumber() && v.asLong() >= 1);
        return new Mutation("case formatVersion", "from " + formatVersion + " to " + v, bad, write(copy));
    }

    private static byte[] write(JsonNode n) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
