package dev.inquest.format;

/**
 * Escaping for HTML text and attribute values, for the pages Inquest writes (the flame graph
 * page). SVG inlined in a page is XML and goes through {@link Xml}.
 */
public final class Html {
    private Html() {
    }

    /**
     * Text or quoted attribute value: {@code & < > " '} as entities ({@code &#39;}, which every HTML
     * version knows), and the characters a document must not contain (NUL and other controls
     * besides tab, line feed and carriage return; lone surrogates) dropped; bidi and C1 controls
     * shown as {@code <U+202E>}, as {@link Xml#escape} does.
     */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (!Xml.allowed(s, i)) {
                        continue;
                    }
                    if (Xml.visible(c)) {
                        b.append("&lt;").append(Markdown.codePoint(c)).append("&gt;");
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
