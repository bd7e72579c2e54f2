package dev.inquest.heap.query;

import java.util.List;

/**
 * A query's answer: its column names, its rows, whether a LIMIT (the query's or the caller's) cut
 * rows off ({@code more}), and whether a list-valued cell (inbounds, dominators, ...) was cut to
 * {@link OqlQuery#MAX_LIST} entries ({@code listsCut}). {@code count} is the number of rows the
 * query gave: {@code rows.size()}, or more when the rows were streamed and not kept
 * ({@link OqlQuery#stream}, whose answer has no rows).
 */
public record OqlResult(List<String> columns, List<OqlRow> rows, boolean more, boolean listsCut, long count) {
    public OqlResult(List<String> columns, List<OqlRow> rows, boolean more, boolean listsCut) {
        this(columns, rows, more, listsCut, rows.size());
    }
}
