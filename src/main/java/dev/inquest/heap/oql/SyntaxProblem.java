package dev.inquest.heap.oql;

/** Where a query text stops making sense: a 0-based character offset and what was expected there. */
public final class SyntaxProblem extends Exception {
    private final int offset;
    private final String what;

    public SyntaxProblem(int offset, String what) {
        super(what + " at offset " + offset);
        this.offset = offset;
        this.what = what;
    }

    public int offset() {
        return offset;
    }

    public String what() {
        return what;
    }
}
