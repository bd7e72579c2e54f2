package dev.inquest.format;

/**
 * Escaping for XML and SVG: the one place every SVG and XML writer in Inquest goes through, so a
 * class name such as {@code Cache<K,V>.<init>} or a hostile frame name cannot break a file out of
 * its element or attribute.
 */
public final class Xml {
    private Xml() {
    }

    /**
     * Text or attribute value (either quote): {@code & < > " '} as entities, the characters
     * XML 1.0 cannot carry at all (controls other than tab, line feed and carriage return, lone
     * surrogates, U+FFFE and U+FFFF) dropped, since no entity can stand for them, and bidi and C1
     * controls shown as {@code <U+202E>} ({@link #visible}).
     */
    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> !allowed(s, i) ? "" : visible(c) ? "&lt;" + Markdown.codePoint(c) + "&gt;" : null;
            };
            if (rep != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) {
                    b.append(rep);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * Whether {@code c}, which XML can carry, is written as {@code <U+202E>}: the bidi controls
     * (U+202E and friends reorder what a reader sees, so a frame name could pose as another) and
     * the C1 controls, as the Markdown exports and the terminal show them ({@link Markdown#hazard}).
     */
    static boolean visible(char c) {
        return c >= 0x20 && Markdown.hazard(c);
    }

    /** Whether the char at {@code i} may stand in an XML 1.0 document (a surrogate only as half of a pair). */
    static boolean allowed(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c != 0xFFFE && c != 0xFFFF;
    }
}
