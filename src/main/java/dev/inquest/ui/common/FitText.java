package dev.inquest.ui.common;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.text.Text;

/**
 * A label that shows its full text where it fits and a compact form where it does not, e.g. a
 * class name with its packages cut to initials. What still does not fit is cut at the start,
 * where a class name is least specific, so the simple name and the address stay readable.
 */
public final class FitText {
    private FitText() {
    }

    /** Makes {@code label} choose between {@code full} and {@code compact} on every width or font change. */
    public static void fit(Label label, String full, String compact) {
        label.setText(full);
        label.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        if (full.equals(compact)) {
            return;
        }
        Text probe = new Text(full);
        InvalidationListener choose = o -> {
            probe.setFont(label.getFont());
            Node g = label.getGraphic();
            double room = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset()
                    - (g == null ? 0 : g.prefWidth(-1) + label.getGraphicTextGap());
            // A pixel of slack: Text and the label's skin round text widths differently.
            label.setText(probe.getLayoutBounds().getWidth() <= room - 1 ? full : compact);
        };
        label.widthProperty().addListener(choose);
        label.fontProperty().addListener(choose);
    }
}
