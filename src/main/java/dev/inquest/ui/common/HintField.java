package dev.inquest.ui.common;

import java.util.List;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * A text field whose hint is the longest of its forms that fits its width, at every layout
 * (issue 18: "New hypothesis, as a question (Ctrl-" in the narrowed notebook, "Filter by name
 * (regex; plain te" beside the histogram's other controls); the longest form is always its tooltip.
 * The hint is what tells the reader what to type, so a shorter whole one beats a longer cut one.
 */
public final class HintField extends TextField {
    private final List<String> hints;

    /** @param hints the hint's forms, longest first; the last is shown when none fits */
    public HintField(String text, List<String> hints) {
        super(text);
        this.hints = List.copyOf(hints);
        setPromptText(this.hints.getFirst());
        if (this.hints.size() > 1) {
            setTooltip(new Tooltip(this.hints.getFirst()));
        }
    }

    @Override
    protected void layoutChildren() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        String fits = hints.getLast();
        for (String h : hints) {
            if (FitText.width(getFont(), h) <= room - 1) {
                fits = h;
                break;
            }
        }
        if (!fits.equals(getPromptText())) {
            setPromptText(fits);
        }
        super.layoutChildren();
    }
}
