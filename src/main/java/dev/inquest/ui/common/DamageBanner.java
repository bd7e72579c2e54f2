package dev.inquest.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The strip above a document's views that says its figures are partial (issue 17). It shows the
 * engine's sentence as given (a dump's {@code DumpDamage.sentence()}, a recording's
 * {@code RecordingDamage.sentence()}) and is hidden while that sentence is empty.
 */
public final class DamageBanner extends HBox {
    private final Label text = new Label();

    private DamageBanner(String id) {
        super(8);
        FontIcon icon = new FontIcon(MaterialDesignA.ALERT_OUTLINE);
        icon.getStyleClass().add("warning-icon");
        text.setWrapText(true);
        text.getStyleClass().add("damage-banner-text");
        // Wrapped, never clipped: the label may grow as tall as the sentence needs.
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(icon, text);
        setId(id);
        getStyleClass().add("heap-damage-banner");
    }

    /** A banner with node id {@code id} showing {@code sentence} (hidden when it is empty). */
    public static DamageBanner of(String id, String sentence) {
        DamageBanner b = new DamageBanner(id);
        b.show(sentence);
        return b;
    }

    /** Shows {@code sentence}, or hides the banner when it is empty. */
    public void show(String sentence) {
        text.setText(sentence);
        boolean any = sentence != null && !sentence.isEmpty();
        setVisible(any);
        setManaged(any);
    }

    /** The sentence shown ("" when hidden). */
    public String text() {
        return text.getText() == null ? "" : text.getText();
    }
}
