package dev.inquest.heap.query;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.oql.Ast;
import dev.inquest.heap.oql.Parser;
import dev.inquest.heap.oql.SyntaxProblem;
import dev.inquest.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Eclipse MAT's object query language (OQL) with ORDER BY, LIMIT, GROUP BY and HAVING added:
 * parse once ({@link #parse}), then {@link #run} on an open dump. Rows stream to a consumer as
 * they are found when the query neither sorts nor groups, so a face can show the first rows before
 * the scan ends; the scan runs in parallel over the FROM objects, reports progress and stops when
 * the progress is cancelled. The supported grammar is in {@code docs/cli-extensions.md} (issue 19)
 * and in {@link Parser}.
 */
public final class OqlQuery {
    /** Most entries a list-valued cell (inbounds, outbounds, dominators) holds. */
    public static final int MAX_LIST = 10_000;

    private final String text;
    private final Ast.Query query;

    private OqlQuery(String text, Ast.Query query) {
        this.text = text;
        this.query = query;
    }

    public static OqlQuery parse(String text) throws QuerySyntaxError {
        try {
            return new OqlQuery(text, Parser.parse(text));
        } catch (SyntaxProblem p) {
            throw new QuerySyntaxError(p.offset(), p.what());
        }
    }

    public String text() {
        return text;
    }

    /** The result's column names, known before it runs. */
    public List<String> columns() {
        return columns(query);
    }

    static List<String> columns(Ast.Query q) {
        if (q.star() || q.mode() != Ast.Mode.VALUES) {
            return List.of("object", "shallow", "retained");
        }
        List<String> out = new ArrayList<>();
        for (Ast.Item i : q.items()) {
            String name = i.name();
            String unique = name;
            for (int n = 2; out.contains(unique); n++) {
                unique = name + " #" + n;
            }
            out.add(unique);
        }
        return out;
    }

    /**
     * Runs the query on {@code dump}. {@code limit} (-1 for none) caps the rows as a LIMIT does;
     * the smaller of the two applies. {@code onRow}, when not null, receives each row as soon as
     * it is final, in result order, one call at a time (on the query's worker threads).
     *
     * @throws QuerySyntaxError when the query names what the dump does not hold (a class, an address)
     * @throws java.util.concurrent.CancellationException when {@code progress} is cancelled
     */
    public OqlResult run(HeapDump dump, long limit, Consumer<OqlRow> onRow, Progress progress) throws QuerySyntaxError {
        return run(dump, limit, onRow, true, progress);
    }

    /**
     * Runs the query as {@link #run} does, but the rows go to {@code onRow} only: the answer keeps
     * none ({@link OqlResult#rows()} is empty, {@link OqlResult#count()} says how many there were),
     * so a query over millions of objects costs the memory of one chunk of rows, not of them all
     * (ORDER BY, GROUP BY and DISTINCT still hold what they must to sort, group and compare).
     */
    public OqlResult stream(HeapDump dump, long limit, Consumer<OqlRow> onRow, Progress progress) throws QuerySyntaxError {
        return run(dump, limit, java.util.Objects.requireNonNull(onRow), false, progress);
    }

    private OqlResult run(HeapDump dump, long limit, Consumer<OqlRow> onRow, boolean keep, Progress progress)
            throws QuerySyntaxError {
        try {
            return new OqlEngine(dump, progress).run(query, limit, onRow, keep);
        } catch (OqlEngine.Unresolved u) {
            throw new QuerySyntaxError(u.offset, u.getMessage());
        }
    }
}
