package dev.inquest.investigation.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.inquest.input.BadInputException;
import dev.inquest.investigation.model.Case;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case file format: pretty-printed JSON in a fixed field order (so diffs in a repository are
 * small), dates as ISO strings, whole numbers without exponents, a trailing newline.
 *
 * <p>Compatibility: unknown fields are tolerated everywhere; unknown top-level fields (written by
 * a newer build) are carried through {@link Parsed#unknown()} and written back unchanged. Older
 * format versions go through {@link Migrations} before binding.
 */
public final class CaseJson {
    private CaseJson() {
    }

    /** Longest text field a case may hold; a longer one is damage or a hostile file, not notes. */
    static final int MAX_TEXT_CHARS = 16 * 1024 * 1024;
    /** A case nests a few levels (case, hypothesis, evidence, source); far deeper is not a case. */
    static final int MAX_DEPTH = 64;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_TEXT_CHARS).maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .addModule(new JavaTimeModule())
            // Registered after JavaTimeModule, so these win: dates only as the ISO strings we write.
            .addModule(StrictDates.module())
            // A number where text belongs, text where a number or true/false belongs: the wrong
            // type, said so, rather than quietly converted.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, cfg -> cfg
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    /**
     * A parsed file.
     *
     * @param unknown     top-level fields this build does not know, kept for writing back
     * @param fileVersion the formatVersion the file had before migration
     */
    public record Parsed(Case value, ObjectNode unknown, int fileVersion) {
        public boolean newerThanThisBuild() {
            return fileVersion > Case.FORMAT_VERSION;
        }
    }

    /** The names of the fields {@link Case} writes, in order. */
    static Set<String> knownFields() {
        ObjectNode tree = MAPPER.valueToTree(Case.create("x", null).toBuilder().summary("").closing("")
                .statusDetail("").subtask(0).created(java.time.LocalDate.EPOCH).updated(java.time.LocalDate.EPOCH)
                .build());
        Set<String> names = new LinkedHashSet<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static final Set<String> KNOWN = knownFields();

    public static String toJson(Case c) {
        return toJson(c, null);
    }

    public static String toJson(Case c, ObjectNode unknown) {
        return write(tree(c, unknown));
    }

    private static ObjectNode tree(Case c, ObjectNode unknown) {
        ObjectNode tree = MAPPER.valueToTree(c);
        if (unknown != null) {
            for (Map.Entry<String, JsonNode> e : unknown.properties()) {
                if (!tree.has(e.getKey())) {
                    tree.set(e.getKey(), e.getValue());
                }
            }
        }
        return tree;
    }

    /**
     * The bytes to save as {@code file}, refusing a case this build could not read back: a text
     * field longer than {@link #MAX_TEXT_CHARS} (the reader's limit) is named by its path.
     *
     * @throws FileSystemException naming the file and the field; nothing has been written
     */
    public static byte[] toBytes(Case c, ObjectNode unknown, Path file) throws FileSystemException {
        ObjectNode tree = tree(c, unknown);
        String tooLong = tooLongText(tree);
        if (tooLong != null) {
            throw new FileSystemException(file.toString(), null, "not saved: " + tooLong);
        }
        return write(tree).getBytes(StandardCharsets.UTF_8);
    }

    /** The first text field over the reader's limit, in words with its path, or null. Iterative. */
    static String tooLongText(JsonNode root) {
        java.util.ArrayDeque<Map.Entry<String, JsonNode>> todo = new java.util.ArrayDeque<>();
        todo.push(Map.entry("", root));
        while (!todo.isEmpty()) {
            Map.Entry<String, JsonNode> e = todo.pop();
            JsonNode n = e.getValue();
            String path = e.getKey();
            if (n.isTextual() && n.textValue().length() > MAX_TEXT_CHARS) {
                return path + " holds " + dev.inquest.format.Units.count(n.textValue().length())
                        + " characters, more than a case's text field may hold (" + (MAX_TEXT_CHARS >> 20)
                        + " MB), so the file could not be read back";
            }
            // Pushed in reverse so the first field in the file is reported first.
            if (n.isObject()) {
                List<Map.Entry<String, JsonNode>> fields = new java.util.ArrayList<>(n.properties());
                for (int i = fields.size() - 1; i >= 0; i--) {
                    String name = fields.get(i).getKey();
                    todo.push(Map.entry(path.isEmpty() ? name : path + "." + name, fields.get(i).getValue()));
                }
            } else if (n.isArray()) {
                for (int i = n.size() - 1; i >= 0; i--) {
                    todo.push(Map.entry(path + "[" + i + "]", n.get(i)));
                }
            }
        }
        return null;
    }

    private static String write(ObjectNode tree) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a case file's bytes.
     *
     * @throws BadInputException for anything that is not a case, in words with the byte offset:
     *                           broken JSON, a field twice, data after the case, JSON without
     *                           formatVersion or with a version that is not a whole number, fields
     *                           of the wrong type (named by their path, e.g. {@code hypotheses[2].created})
     */
    public static Parsed parse(byte[] bytes, Path file) {
        JsonNode root = readTree(bytes, file);
        if (root == null || root.isMissingNode()) {
            throw new BadInputException(file, "not a valid case file: empty", 0);
        }
        if (!(root instanceof ObjectNode obj) || !obj.has("formatVersion")) {
            throw new BadInputException(file, "not an Inquest case (no formatVersion field)", 0);
        }
        JsonNode version = obj.get("formatVersion");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
            throw new BadInputException(file, "not an Inquest case (formatVersion must be a whole number from 1, found "
                    + Words.found(version) + ")", Locations.offsetOf(bytes, List.of("formatVersion")));
        }
        int fileVersion = version.asInt();
        if (fileVersion < Case.FORMAT_VERSION) {
            Migrations.upgrade(obj, fileVersion);
        }
        ObjectNode unknown = MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            if (!KNOWN.contains(e.getKey())) {
                unknown.set(e.getKey(), e.getValue());
            }
        }
        if (!obj.hasNonNull("title")) {
            throw new BadInputException(file, "not a valid case file: no title", 0);
        }
        try {
            Case c = MAPPER.treeToValue(obj, Case.class);
            return new Parsed(c, unknown, fileVersion);
        } catch (JsonMappingException e) {
            throw Words.binding(e, obj, bytes, file);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new BadInputException(file, "not a valid case file: " + Words.firstLine(msg), 0, e);
        }
    }

    /** The JSON tree, strictly: one value, no field twice, nothing after it; syntax errors with their byte. */
    private static JsonNode readTree(byte[] bytes, Path file) {
        JsonParser p = null;
        try {
            p = MAPPER.createParser(bytes);
            // Data after the case is looked for below, to be named as such rather than as broken JSON.
            JsonNode root = MAPPER.readTree(p);
            long end = p.currentLocation().getByteOffset();
            try {
                if (p.nextToken() != null) {
                    throw new BadInputException(file, "not a valid case file: data after the end of the case",
                            firstNonBlank(bytes, end));
                }
            } catch (StreamReadException trailing) {
                throw new BadInputException(file, "not a valid case file: data after the end of the case",
                        firstNonBlank(bytes, end), trailing);
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new BadInputException(file, "not a valid case file: " + Words.limit(e.getMessage()),
                    p == null ? 0 : Words.offset(p.currentTokenLocation()), e);
        } catch (StreamReadException e) {
            throw new BadInputException(file, "not a valid case file: " + Words.syntax(e.getOriginalMessage()),
                    Words.offset(e.getLocation()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // A byte array: nothing to release.
                }
            }
        }
    }

    /** Where the next thing after {@code from} starts (JSON's own whitespace skipped). */
    private static long firstNonBlank(byte[] bytes, long from) {
        int i = (int) Math.max(0, Math.min(from, bytes.length));
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
            i++;
        }
        return i;
    }
}
