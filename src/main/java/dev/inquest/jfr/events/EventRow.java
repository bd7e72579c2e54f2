package dev.inquest.jfr.events;

import java.util.List;

/**
 * One event of a table, its values in the table's column order (held as {@link FieldKind} says;
 * null where the event lacks a field). It keeps no parsed event: its place, to ask for its stack.
 *
 * @param index   its position among the events the query matched, from 0
 * @param chunk   the recording chunk it is in (0 is the first readable chunk)
 * @param ordinal its position among the events of its type in that chunk, in the order they are read
 * @param hasStack whether it has a stack trace
 */
public record EventRow(long index, int chunk, int ordinal, List<Object> values, boolean hasStack) {
}
