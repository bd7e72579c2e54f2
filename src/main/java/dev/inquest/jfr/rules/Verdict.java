package dev.inquest.jfr.rules;

/**
 * A rule's verdict, with the meaning JDK Mission Control gives its scores: below 25 OK, 25 to below
 * 75 info, 75 and up warning. {@link #NOT_APPLICABLE} is for a recording that lacks the events the
 * rule needs (or too few of them to judge): no score, and the explanation says which.
 */
public enum Verdict {
    NOT_APPLICABLE, OK, INFO, WARNING;

    /** The lowest score that is {@link #INFO}. */
    public static final double INFO_FROM = 25;
    /** The lowest score that is {@link #WARNING}. */
    public static final double WARNING_FROM = 75;

    /** The verdict of a score 0-100 (JMC's {@code Severity.get}). */
    public static Verdict of(double score) {
        return score >= WARNING_FROM ? WARNING : score >= INFO_FROM ? INFO : OK;
    }

    /** The word the faces and the case show: "Warning", "Info", "OK", "Not applicable". */
    public String label() {
        return switch (this) {
            case WARNING -> "Warning";
            case INFO -> "Info";
            case OK -> "OK";
            case NOT_APPLICABLE -> "Not applicable";
        };
    }

    /** How bad, for sorting worst first: warning 3 ... not applicable 0. */
    public int rank() {
        return ordinal();
    }
}
