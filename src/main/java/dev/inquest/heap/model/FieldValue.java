package dev.inquest.heap.model;

/**
 * A field of an object (or a static of a class) read from the dump. {@code value} is a boxed
 * primitive, or for references the address as a {@code Long} with {@code reference} set.
 */
public record FieldValue(String name, String type, Object value, boolean reference, boolean isStatic) {
}
