package dev.inquest.ui.link;

import dev.inquest.link.DumpChoice;
import dev.inquest.ui.common.NodeKey;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * At the top of a link's panel in a heap dump: which open dump the link chose and why (the
 * sentence is {@link DumpChoice}'s), and a button per other open dump to show the same there.
 * Without it a link silently went to the first dump opened (issue 18).
 */
final class DumpNotice {
    static final String ID = "link-dump-choice";
    /** The choice a notice shows (tests read it). */
    @SuppressWarnings("rawtypes")
    static final NodeKey<DumpChoice> CHOICE = NodeKey.of("dumpNotice.choice", DumpChoice.class);

    private DumpNotice() {
    }

    static Node of(DumpChoice<Tab> choice, String verb, Consumer<Tab> showIn) {
        Label says = new Label(choice.notice(verb), new FontIcon(MaterialDesignM.MEMORY));
        says.setId(ID + "-text");
        says.setWrapText(true);
        VBox box = new VBox(4, says);
        box.setId(ID);
        if (!choice.others().isEmpty()) {
            FlowPane offers = new FlowPane(6, 4);
            for (DumpChoice.Candidate<Tab> other : choice.others()) {
                Button b = new Button("Show in " + other.name());
                b.getStyleClass().addAll("small", "button-outlined");
                b.setTooltip(new Tooltip("The same link in " + other.name() + ", the other open dump"));
                b.setOnAction(e -> showIn.accept(other.dump()));
                offers.getChildren().add(b);
            }
            box.getChildren().add(offers);
        }
        CHOICE.set(box, choice);
        return box;
    }
}
