package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A metadata line we keep but do not model, e.g. {@code **Environment:** prod, JDK 21}. */
@JsonPropertyOrder({"name", "value"})
public record MetaLine(String name, String value) {
}
