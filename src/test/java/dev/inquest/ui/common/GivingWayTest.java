package dev.inquest.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 18: tabs that give way to their icons instead of being cut at the edge ("Heap o"), and
 * tables that keep their horizontal scroll bar when their columns are wider than they are.
 */
@ExtendWith(ApplicationExtension.class)
class GivingWayTest {
    private static final List<String> NAMES = List.of("Overview", "Allocations", "CPU", "Heap over time", "Old objects");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show(FxRobot robot, javafx.scene.Parent root, double width) {
        robot.interact(() -> {
            Scene scene = new Scene(new StackPane(root), width, 300);
            scene.getStylesheets().add(IconTabs.class.getResource("/dev/inquest/ui/inquest.css").toExternalForm());
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
        });
        // IconTabs decides after a layout; its style change is laid out in the pulse after.
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> {
                root.applyCss();
                root.layout();
            });
        }
    }

    /** The text each tab's header draws ("" for none), in tab order. */
    private static List<String> drawn(IconTabs tabs) {
        return tabs.lookupAll(".tab-label").stream().map(n -> {
            Text t = (Text) ((Labeled) n).getChildrenUnmodifiable().stream().filter(c -> c instanceof Text && c.getClass().getSimpleName().equals("LabeledText")).findFirst().orElse(null);
            return t == null || !t.isVisible() ? "" : t.getText();
        }).toList();
    }

    private static IconTabs tabs() {
        IconTabs tabs = new IconTabs();
        for (String n : NAMES) {
            tabs.add(n, new FontIcon(MaterialDesignC.CHART_LINE), new StackPane());
        }
        tabs.getSelectionModel().select(3);
        return tabs;
    }

    @Test
    void tabsShowTheirNamesWhileTheyFitAndIconsWhenNot(FxRobot robot) {
        IconTabs wide = tabs();
        show(robot, wide, 900);
        assertThat(wide.iconsOnly()).isFalse();
        assertThat(drawn(wide)).containsExactlyElementsOf(NAMES);

        IconTabs narrow = tabs();
        show(robot, narrow, 320);
        assertThat(narrow.iconsOnly()).isTrue();
        // The selected tab keeps its name whole; the others show their icons, their names on hover.
        assertThat(drawn(narrow)).containsExactly("", "", "", "Heap over time", "");
        assertThat(narrow.getTabs().stream().map(t -> t.getTooltip().getText()).toList()).containsExactlyElementsOf(NAMES);
        Tab selected = narrow.getSelectionModel().getSelectedItem();
        Node header = narrow.lookupAll(".tab").stream().filter(n -> n.getStyleClass().contains("tab")
                && !n.getStyleClass().contains(IconTabs.ICON_ONLY)).findFirst().orElseThrow();
        assertThat(header.localToScene(header.getLayoutBounds()).getMaxX()).as(selected.getText() + " inside the pane")
                .isLessThanOrEqualTo(320);
    }

    private static TableView<String> wideTable(javafx.util.Callback<TableView.ResizeFeatures, Boolean> policy) {
        TableView<String> table = new TableView<>();
        table.getItems().setAll("java.util.concurrent.ConcurrentHashMap$Node", "byte[]");
        for (String title : List.of("Class", "Objects", "Shallow", "Retained")) {
            TableColumn<String, String> c = new TableColumn<>(title);
            c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
            // As FitColumn grows them for names and figures: more than the table's width together.
            c.setMinWidth(120);
            table.getColumns().add(c);
        }
        table.setColumnResizePolicy(policy);
        return table;
    }

    private static boolean horizontalBar(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream()
                .anyMatch(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void tablesWiderThanTheirPaneKeepTheirScrollBar(FxRobot robot) {
        TableView<String> constrained = wideTable((javafx.util.Callback) TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        show(robot, constrained, 300);
        // The problem: JavaFX hides the bar for its own constrained policies, the figures are out of reach.
        assertThat(horizontalBar(constrained)).as("JavaFX's constrained policy").isFalse();

        TableView<String> scrolling = wideTable(FitColumn.scrolling(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS));
        show(robot, scrolling, 300);
        assertThat(horizontalBar(scrolling)).as("FitColumn.scrolling").isTrue();
    }
}
