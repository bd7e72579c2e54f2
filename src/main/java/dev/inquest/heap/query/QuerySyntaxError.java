package dev.inquest.heap.query;

/**
 * A query that cannot run: its text does not parse, or it names what the dump does not hold (a
 * class, an address). {@link #offset()} is the 0-based character offset in the query text where
 * the problem is; {@link #what()} says what was wrong or expected there.
 */
public final class QuerySyntaxError extends Exception {
    private final int offset;
    private final String what;

    public QuerySyntaxError(int offset, String what) {
        super(what + " at column " + (offset + 1));
        this.offset = offset;
        this.what = what;
    }

    public int offset() {
        return offset;
    }

    /** 1-based, as editors and the command line count columns. */
    public int column() {
        return offset + 1;
    }

    public String what() {
        return what;
    }
}
