package dev.inquest.heap.query;

import java.util.List;

/**
 * A query's answer: its column names, its rows, whether a LIMIT (the query's or the caller's) cut
 * rows off ({@code more}), and whether a list-valued cell (inbounds, dominators, ...) was cut to
 * {@link OqlQuery#MAX_LIST} entries ({@code listsCut}).
 */
public record OqlResult(List<String> columns, List<OqlRow> rows, boolean more, boolean listsCut) {
}
