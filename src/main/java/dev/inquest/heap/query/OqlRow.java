package dev.inquest.heap.query;

import java.util.List;

/**
 * One row of a query's result. {@code node} is the object the row stands for (the object of a
 * {@code SELECT *} / {@code OBJECTS} row, or the FROM object whose values a row shows), or -1 for
 * a GROUP BY row. Cells are {@code Long}, {@code Double}, {@code String}, {@code Boolean},
 * {@link ObjectBrief}, a {@code List} of those (functions such as {@code inbounds}) or null.
 */
public record OqlRow(long node, List<Object> values) {
}
