package dev.inquest.ui.notebook;

import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.Stance;
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
     * Screen text whose long names and paths may wrap at their dots, slashes and dollars (issue 18):
     * (and hyphens) a hair space after each, so "dev.inquest.demo.service." ends a line and "LeakyService$Receipt"
     * starts the next, where JavaFX would otherwise break the name between two arbitrary letters.
     * JavaFX wraps only at whitespace (a zero-width space is not one to it); a hair space is, and is
     * about a pixel wide. Short words (figures such as "1.8") are left as they are. A piece still
     * wider than the line (a 40-digit folder name) breaks between letters: whole, if not pretty.
     */
    static String breakable(String text) {
        return LONG_WORD.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group().replaceAll("([./\\\\$-])(?=\\S)", "$1\u200A")));
    }

    /** Markdown summary as screen text: code spans lose their backticks. */
    static String plain(String markdown) {
        return markdown.replaceAll("`+([^`]*)`+", "$1");
    }
}
