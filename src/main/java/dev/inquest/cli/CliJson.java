package dev.inquest.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Writer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapper of the command line (the case file has its own, in the case format). It
 * writes the engines' records as they are, shaped into the contract's field names by
 * {@link JsonShapes}. Built on first use: a command that prints text never loads Jackson, and
 * building a mapper costs about 100 ms of a run.
 */
final class CliJson {
    private CliJson() {
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = JsonShapes.register(new ObjectMapper())
                .registerModule(new JavaTimeModule())
                // Instants as ISO strings ("start" of jfr summary), as cli.md shows them.
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                // Written straight to the command's output, which stays open for the final newline.
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** {@code value} as indented JSON onto {@code out}, without a String of it all first (a 2M-step path is 300 MB of text). */
    static void write(Writer out, Object value, Class<?> view) throws IOException {
        (view == null ? Holder.MAPPER.writer() : Holder.MAPPER.writerWithView(view)).writeValue(out, value);
    }

    /** An indented generator onto {@code out}, for an answer written step by step ({@code heap why}). */
    static JsonGenerator generator(Writer out) throws IOException {
        return Holder.MAPPER.createGenerator(out).useDefaultPrettyPrinter();
    }

    /** {@code value} as indented JSON. */
    static String write(Object value) throws JsonProcessingException {
        return Holder.MAPPER.writeValueAsString(value);
    }

    /** {@code value} as indented JSON with only the fields of {@code view} (a {@link JsonShapes} view). */
    static String write(Object value, Class<?> view) throws JsonProcessingException {
        return Holder.MAPPER.writerWithView(view).writeValueAsString(value);
    }
}
