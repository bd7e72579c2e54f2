package dev.inquest.investigation.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.inquest.input.BadInputException;
import dev.inquest.investigation.model.Case;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
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

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
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
        ObjectNode tree = MAPPER.valueToTree(c);
        if (unknown != null) {
            for (Map.Entry<String, JsonNode> e : unknown.properties()) {
                if (!tree.has(e.getKey())) {
                    tree.set(e.getKey(), e.getValue());
                }
            }
        }
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] toBytes(Case c, ObjectNode unknown) {
        return toJson(c, unknown).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses a case file's bytes.
     *
     * @throws BadInputException for anything that is not a case: broken JSON (with the byte
     *                           offset of the problem), JSON without formatVersion, fields of the wrong type
     */
    public static Parsed parse(byte[] bytes, Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, "not a valid case file: " + e.getOriginalMessage(), offset(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isMissingNode()) {
            throw new BadInputException(file, "not a valid case file: empty", 0);
        }
        if (!(root instanceof ObjectNode obj) || !obj.has("formatVersion")) {
            throw new BadInputException(file, "not an Inquest case (no formatVersion field)", 0);
        }
        JsonNode version = obj.get("formatVersion");
        if (!version.canConvertToInt() || version.asInt() < 1) {
            throw new BadInputException(file, "not an Inquest case (formatVersion " + version + ")", 0);
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
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new BadInputException(file, "not a valid case file: " + firstLine(msg), 0, e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static long offset(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        if (loc == null) {
            return 0;
        }
        long b = loc.getByteOffset();
        return b >= 0 ? b : Math.max(0, loc.getCharOffset());
    }
}
