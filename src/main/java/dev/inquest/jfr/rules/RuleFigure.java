package dev.inquest.jfr.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * One measured figure a rule's verdict rests on, e.g. {@code pause ratio = 12.5 percent}.
 *
 * @param value in the unit's base: bytes, bytes per second, percent (0-100), count, milliseconds, seconds
 */
public record RuleFigure(String name, double value, Unit unit) {
    public RuleFigure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }

    /** The value as the faces print it: "12.5%", "1.2 GB", "340 MB/s", "1,204", "250.0 ms". */
    @JsonIgnore
    public String text() {
        return switch (unit) {
            case BYTES -> dev.inquest.format.Units.bytes(value);
            case BYTES_PER_SECOND -> dev.inquest.format.Units.bytes(value) + "/s";
            case PERCENT -> dev.inquest.format.Units.percentOfHundred(value);
            case COUNT -> dev.inquest.format.Units.grouped(value);
            case MILLISECONDS -> dev.inquest.format.Units.duration(Math.round(value * 1e6));
            case SECONDS -> dev.inquest.format.Units.elapsed(Math.round(value * 1000));
        };
    }

    /** The unit of a figure. */
    public enum Unit { BYTES, BYTES_PER_SECOND, PERCENT, COUNT, MILLISECONDS, SECONDS }
}
