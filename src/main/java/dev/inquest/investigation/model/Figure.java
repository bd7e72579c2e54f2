package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;

/**
 * One number as it was when the evidence was pinned: {@code retained = 222298112 bytes}.
 * Exports format each {@link FigureUnit} in its own way. For a heap trend the figures are the points in time
 * order and {@code name} is the time label.
 */
@JsonPropertyOrder({"name", "value", "unit"})
public record Figure(String name, @JsonSerialize(using = PlainNumberSerializer.class) double value, FigureUnit unit) {
    public Figure {
        Objects.requireNonNull(name, "name");
        unit = unit == null ? FigureUnit.NONE : unit;
    }

    public static Figure bytes(String name, long bytes) {
        return new Figure(name, bytes, FigureUnit.BYTES);
    }

    public static Figure count(String name, long count) {
        return new Figure(name, count, FigureUnit.COUNT);
    }

    public static Figure percent(String name, double percent) {
        return new Figure(name, percent, FigureUnit.PERCENT);
    }
}
