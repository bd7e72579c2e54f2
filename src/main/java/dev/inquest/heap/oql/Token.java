package dev.inquest.heap.oql;

/** One token of a query with its 0-based character offset and length in the text. */
record Token(Kind kind, String text, int pos, int end) {
    enum Kind { IDENT, NUMBER, STRING, ATTRIBUTE, SYMBOL, EOF }

    boolean is(String symbolOrKeyword) {
        return (kind == Kind.SYMBOL || kind == Kind.IDENT) && text.equalsIgnoreCase(symbolOrKeyword);
    }

    String describe() {
        return switch (kind) {
            case EOF -> "the end of the query";
            case STRING -> "the string " + text;
            default -> "'" + text + "'";
        };
    }
}
