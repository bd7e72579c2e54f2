package dev.inquest.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
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
                .enable(SerializationFeature.INDENT_OUTPUT);
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
