package dev.inquest.ui.notebook;

import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.Stance;
import dev.inquest.ui.common.FitText;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * Status chips and kind icons. A status is told by colour, icon shape and word together, so it
 * reads across a room on a projector and for colour-blind readers (a tick and a cross differ in
 * shape, not only in green and red).
 */
final class Chips {
    private Chips() {
    }

    static Ikon statusIcon(HypothesisStatus s) {
        return switch (s) {
            case OPEN -> MaterialDesignH.HELP_CIRCLE_OUTLINE;
            case SUPPORTED -> MaterialDesignC.CHECK_CIRCLE;
            case REFUTED -> MaterialDesignC.CLOSE_CIRCLE;
            case INCONCLUSIVE -> MaterialDesignM.MINUS_CIRCLE_OUTLINE;
        };
    }

    static Label status(HypothesisStatus s) {
        FontIcon icon = new FontIcon(statusIcon(s));
        icon.getStyleClass().add("chip-icon");
        Label chip = new Label(s.label(), icon);
        chip.getStyleClass().addAll("status-chip", "status-" + s.word());
        chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return chip;
    }

    static Label stance(Stance s) {
        FontIcon icon = new FontIcon(s == Stance.SUPPORTS ? MaterialDesignT.THUMB_UP_OUTLINE : MaterialDesignT.THUMB_DOWN_OUTLINE);
        icon.getStyleClass().add("chip-icon");
        Label chip = new Label(s == Stance.SUPPORTS ? "For" : "Against", icon);
        chip.getStyleClass().addAll("stance-chip", "stance-" + s.word());
        return chip;
    }

    static FontIcon kindIcon(EvidenceKind kind) {
        Ikon ikon = switch (kind) {
            case EvidenceKind.Known.DOMINATOR_ROW -> MaterialDesignF.FILE_TREE_OUTLINE;
            case EvidenceKind.Known.HISTOGRAM_DELTA -> MaterialDesignC.CHART_BAR;
            case EvidenceKind.Known.FLAME_FRAME -> MaterialDesignF.FIRE;
            case EvidenceKind.Known.HEAP_TREND -> MaterialDesignC.CHART_LINE;
            case EvidenceKind.Known.LOCK_FRAME -> org.kordamp.ikonli.materialdesign2.MaterialDesignL.LOCK_OUTLINE;
            case EvidenceKind.Known.NATIVE_MEMORY -> org.kordamp.ikonli.materialdesign2.MaterialDesignM.MEMORY;
            case EvidenceKind.Known.OLD_OBJECT_SAMPLE -> MaterialDesignC.CLOCK_OUTLINE;
            case EvidenceKind.Known.SUSPECT -> MaterialDesignA.ALERT_OUTLINE;
            default -> MaterialDesignN.NOTE_TEXT_OUTLINE;
        };
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("kind-icon");
        return icon;
    }

    /** "dominatorRow" -> "Dominator row". */
    static String kindLabel(EvidenceKind kind) {
        String spaced = kind.word().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A run of text without spaces long enough to be wider than a narrow notebook's line. */
    private static final java.util.regex.Pattern LONG_WORD = java.util.regex.Pattern.compile("\\S{24,}");

    /**
     * A wrapping label for screen text whose long names and paths may wrap at their dots, slashes,
     * dollars and hyphens (issue 18): "dev.inquest.demo.service." ends a line and
     * "LeakyService$Receipt" starts the next, where JavaFX would otherwise break the name between
     * two arbitrary letters. JavaFX wraps only at whitespace, so a name wider than the label's line
     * gets a line break at its last separator that fits, computed from the label's width and font
     * and again when they change. Before, a hair space after each separator was the break
     * opportunity, and showed as a gap at 150 % type; a zero-width space is none to JavaFX's plain
     * layout and drew boxes in its complex one. A piece still wider than the line (a 40-digit folder
     * name) breaks between letters: whole, if not pretty.
     */
    static Label breakingLabel(String text, javafx.scene.Node graphic) {
        Label l = new Label(text, graphic);
        setBreakable(l, text);
        return l;
    }

    /** Sets the text of a label made by {@link #breakingLabel}, or makes {@code l} one. */
    static void setBreakable(Label l, String text) {
        l.getProperties().put(RAW_TEXT, text);
        if (l.getProperties().putIfAbsent(BREAKS, Boolean.TRUE) == null) {
            l.setWrapText(true);
            // The container's width, not the text's: the broken text's narrower lines do not narrow it.
            l.setMaxWidth(Double.MAX_VALUE);
            javafx.beans.InvalidationListener fit = o -> l.setText(broken((String) l.getProperties().get(RAW_TEXT),
                    l.getFont(), lineWidth(l)));
            l.widthProperty().addListener(fit);
            l.fontProperty().addListener(fit);
            l.graphicProperty().addListener(fit);
        }
        l.setText(broken(text, l.getFont(), lineWidth(l)));
    }

    private static final Object RAW_TEXT = new Object();
    private static final Object BREAKS = new Object();

    /** The width a line of the label's text has: its width less its padding and its graphic beside the text. */
    private static double lineWidth(Label l) {
        double w = l.getWidth() - l.snappedLeftInset() - l.snappedRightInset();
        if (l.getGraphic() != null) {
            w -= l.getGraphic().prefWidth(-1) + l.getGraphicTextGap();
        }
        return l.getWidth() <= 0 ? 0 : w;
    }

    /** Separators a name may wrap after, when another character follows. */
    private static final java.util.regex.Pattern AFTER_SEPARATOR = java.util.regex.Pattern.compile("(?<=[./\\\\$-])(?=\\S)");

    /**
     * {@code text} with a line break inside each run without spaces that is wider than {@code width}:
     * after the last separator that keeps a line within it. A width of 0 (not laid out yet) leaves it.
     */
    static String broken(String text, javafx.scene.text.Font font, double width) {
        if (text == null || width <= 0) {
            return text;
        }
        java.util.regex.Matcher m = LONG_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String replacement = word;
            if (FitText.width(font, word) > width - 1) {
                StringBuilder lines = new StringBuilder();
                StringBuilder line = new StringBuilder();
                for (String piece : AFTER_SEPARATOR.split(word)) {
                    if (!line.isEmpty() && FitText.width(font, line + piece) > width - 1) {
                        lines.append(line).append('\n');
                        line.setLength(0);
                    }
                    line.append(piece);
                }
                replacement = lines.append(line).toString();
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Markdown summary as screen text: code spans lose their backticks. */
    static String plain(String markdown) {
        return markdown.replaceAll("`+([^`]*)`+", "$1");
    }
}
