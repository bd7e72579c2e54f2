package dev.inquest.jfr.render;

/**
 * Fits a frame label into a width using an average character width instead of measuring text per
 * frame (measuring is what makes naive flame graphs slow). When the whole label does not fit, the
 * package prefix goes first ({@code java.util.HashMap.resize} becomes {@code HashMap.resize}), then
 * the tail is cut with an ellipsis.
 */
public final class LabelFit {
    /** Horizontal padding inside a frame, each side. */
    public static final double PAD = 3;

    private LabelFit() {
    }

    /** The text to draw, or null when not even three characters fit. */
    public static String fit(String label, double width, double charWidth) {
        return fit(label, FrameKind.UNKNOWN, width, charWidth);
    }

    /** As {@link #fit(String, double, double)}; class frames shorten to the simple class name. */
    public static String fit(String label, FrameKind kind, double width, double charWidth) {
        int room = (int) ((width - 2 * PAD) / charWidth);
        if (room < 3) {
            return null;
        }
        if (label.length() <= room) {
            return label;
        }
        String s = kind == FrameKind.ALLOCATED_CLASS ? simpleClassName(label) : shortName(label);
        if (s.length() <= room) {
            return s;
        }
        return s.substring(0, room - 1) + "\u2026";
    }

    /** A class name without its package: {@code java.util.HashMap$Node[]} gives {@code HashMap$Node[]}. */
    static String simpleClassName(String label) {
        return label.substring(label.lastIndexOf('.') + 1);
    }

    /** The label without its package: the last two dot-separated parts before any signature. */
    public static String shortName(String label) {
        int paren = label.indexOf('(');
        int end = paren >= 0 ? paren : label.length();
        int method = label.lastIndexOf('.', end - 1);
        if (method <= 0) {
            return label;
        }
        int cls = label.lastIndexOf('.', method - 1);
        return cls < 0 ? label : label.substring(cls + 1);
    }
}
