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
     * Text or attribute value (either quote): {@code & < > " '} as entities, and the characters
     * XML 1.0 cannot carry at all (controls other than tab, line feed and carriage return, lone
     * surrogates, U+FFFE and U+FFFF) dropped, since no entity can stand for them.
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
                default -> allowed(s, i) ? null : "";
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
