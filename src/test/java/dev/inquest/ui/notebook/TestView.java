package dev.inquest.ui.notebook;

import dev.inquest.ui.view.EvidenceSourceView;
import dev.inquest.investigation.model.Evidence;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** The smallest view a heap or JFR tab could be: pins whatever is "selected". */
final class TestView extends StackPane implements EvidenceSourceView {
    Evidence selected;

    TestView(String text) {
        getChildren().add(new Label(text));
    }

    @Override
    public Optional<Evidence> evidenceForSelection() {
        return Optional.ofNullable(selected);
    }
}
