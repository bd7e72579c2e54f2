package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.query.LeakDumps;
import dev.inquest.heap.query.LeakSuspects;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.overview.OverviewView;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The overview in a half-width group (two documents side by side): figures, facts and suspect
 * cards wrap to the width instead of running off the right edge or cutting their text.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewNarrowTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = HeapViewsTest.heapWindow(stage, home);
    }

    @AfterEach
    void closeHeapTabs(FxRobot robot) {
        HeapViewsTest.closeHeapTabs(robot, window);
    }

    @Test
    void overviewReflowsInAHalfWidthGroup(FxRobot robot) throws Exception {
        Path dump = LeakDumps.file("queue");
        String expected;
        try (var d = LeakDumps.open("queue")) {
            expected = LeakSuspects.find(d, dev.inquest.progress.Progress.NONE).suspects().getFirst().title();
        }
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, dump);
        robot.interact(() -> window.documents().splitSelected(Orientation.HORIZONTAL));
        OverviewView overview = doc.viewOf(Section.OVERVIEW, OverviewView.class);
        HeapViewsTest.waitFor("suspects", 60, () -> overview.suspectHeadlines().equals(List.of(expected)));
        HeapViewsTest.waitFor("idle", 60, () -> !window.tasks().busyProperty().get());

        TabPane group = window.documents().panes().get(1);
        Tab tab = group.getTabs().getFirst();
        assertThat(HeapViews.documentOf(tab)).isSameAs(doc);
        ScrollPane scroll = (ScrollPane) doc.view(Section.OVERVIEW);
        Parent content = (Parent) scroll.getContent();
        // What the group shows, and the whole overview at the group's width (the suspect card is below the fold).
        robot.interact(() -> Screenshots.capture(group, "heap-overview-narrow"));
        robot.interact(() -> Screenshots.capture(content, "heap-overview-narrow-full"));

        double viewport = scroll.getViewportBounds().getWidth();
        assertThat(group.getWidth()).isBetween(600.0, 660.0);
        // The heap navigation shows icons only at this width (issue 18), so the view has all but 46 px of the group.
        assertThat(viewport).as("the overview's width in a half-width group").isLessThan(600);
        // Nothing needs more than the viewport: no horizontal scrolling, nothing cut at the right edge.
        assertThat(content.minWidth(-1)).isLessThanOrEqualTo(viewport);
        for (String id : List.of("#overview-figures", "#overview-facts", "#overview-dominators", "#overview-suspects")) {
            Node part = content.lookup(id);
            Bounds b = content.sceneToLocal(part.localToScene(part.getBoundsInLocal()));
            assertThat(b.getMaxX()).as(id + " right edge").isLessThanOrEqualTo(viewport + 0.5);
        }
        Node figures = content.lookup("#overview-figures");
        assertThat(((Parent) figures).getChildrenUnmodifiable().stream().map(Node::getLayoutY).distinct().count())
                .as("five figures wrap onto more than one row").isGreaterThan(1);
        for (Node card : ((Parent) content.lookup("#overview-suspects")).getChildrenUnmodifiable()) {
            assertThat(card.getBoundsInParent().getMaxX()).isLessThanOrEqualTo(viewport);
        }
        // Facts and suspect text wrap rather than end in "...": every character of them is on screen.
        List<Label> labels = new ArrayList<>();
        collectLabels(content.lookup("#overview-facts"), labels);
        collectLabels(content.lookup("#overview-suspects"), labels);
        collectLabels(figures, labels);
        assertThat(labels).hasSizeGreaterThan(20);
        // The path wraps between folders (zero-width spaces), and still reads as the dump's path.
        assertThat(labels).extracting(l -> l.getText().replace("\u200B", ""))
                .contains(dump.toAbsolutePath().normalize().toString(), "JAVA PROFILE 1.0.2",
                        dev.inquest.format.Units.bytes(doc.summary().usedHeap()));
        for (Label l : labels) {
            Text shown = (Text) l.lookup(".text");
            assertThat(shown.getText().replace("\n", "")).as("label %s", l.getText()).isEqualTo(l.getText().replace("\n", ""));
        }
        // Dominator names too narrow for the full class name cut their packages to initials;
        // what still does not fit loses its start, never the innermost class name and the address.
        List<Label> bars = new ArrayList<>();
        collectLabels(content.lookup("#overview-dominators"), bars);
        List<Label> names = bars.stream().filter(l -> l.getText().contains(" @ 0x")).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(5);
        assertThat(names).extracting(Label::getText).anyMatch(t -> t.startsWith("j.i.l.ClassLoaders$AppClassLoader @ 0x"));
        // A shorter name is whole where it fits (the navigation's icons left the view more room, issue 18).
        assertThat(names).extracting(Label::getText).anyMatch(t -> t.startsWith("j.u.c.ConcurrentHashMap @ 0x")
                || t.startsWith("java.util.concurrent.ConcurrentHashMap @ 0x"));
        for (Label l : names) {
            String label = l.getText();
            String shown = ((Text) l.lookup(".text")).getText();
            int at = label.indexOf(" @ 0x");
            String simple = label.substring(Math.max(label.lastIndexOf('.', at), label.lastIndexOf('$', at)) + 1);
            assertThat(shown).as("dominator %s", label).endsWith(simple);
            assertThat(shown.equals(label) || shown.startsWith("...") && label.endsWith(shown.substring(3))).as(shown).isTrue();
        }
    }

    @Test
    void dominatorRowsKeepTheirAddressInAHalfWidthGroup(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, LeakDumps.file("queue"));
        robot.interact(() -> window.documents().splitSelected(Orientation.HORIZONTAL));
        robot.interact(() -> {
            doc.show(Section.DOMINATORS);
            window.stage().getScene().getRoot().applyCss();
            window.stage().getScene().getRoot().layout();
        });
        HeapViewsTest.waitFor("idle", 60, () -> !window.tasks().busyProperty().get());
        robot.interact(() -> window.stage().getScene().getRoot().layout());
        List<javafx.scene.control.TreeTableCell<?, ?>> cells = new ArrayList<>();
        robot.interact(() -> doc.view(Section.DOMINATORS).lookupAll(".tree-table-cell").forEach(n -> {
            if (n instanceof javafx.scene.control.TreeTableCell<?, ?> c && c.isVisible() && c.getText() != null && c.getText().contains(" @ 0x")) {
                cells.add(c);
            }
        }));
        assertThat(cells).hasSizeGreaterThan(5);
        // Too narrow for "jdk.internal.loader.ClassLoaders$AppClassLoader @ 0x...": packages go to
        // initials first, then (an indented row has less room) out; the class's own name stays.
        assertThat(cells).extracting(c -> c.getText()).anyMatch(t -> t.startsWith("j.i.l.ClassLoaders$AppClassLoader @ 0x")
                || t.startsWith("ClassLoaders$AppClassLoader @ 0x"));
        assertThat(cells).extracting(c -> c.getText()).noneMatch(t -> t.startsWith("jdk.internal.loader.ClassLoaders$AppClassLoader"));
        for (var c : cells) {
            String text = c.getText();
            String shown = ((Text) c.getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof Text && n != c.getGraphic() && n.getStyleClass().contains("text")).findFirst().orElseThrow()).getText();
            assertThat(shown).as("row %s", text).endsWith(text.substring(text.indexOf(" @ 0x")));
        }
        // The histogram's tool bar in the same group: the filter field gives up width, the button keeps its words.
        robot.interact(() -> {
            doc.show(Section.HISTOGRAM);
            window.stage().getScene().getRoot().applyCss();
            window.stage().getScene().getRoot().layout();
        });
        List<javafx.scene.control.ButtonBase> buttons = new ArrayList<>();
        robot.interact(() -> doc.view(Section.HISTOGRAM).lookupAll(".button").forEach(n -> {
            if (n instanceof javafx.scene.control.ButtonBase b && b.getText() != null && b.isVisible()) {
                buttons.add(b);
            }
        }));
        assertThat(buttons).extracting(javafx.scene.control.ButtonBase::getText).contains("Compare with baseline...");
        for (var b : buttons) {
            Text shown = (Text) b.lookup(".text");
            assertThat(shown.getText()).as("button %s", b.getText()).isEqualTo(b.getText());
        }
    }

    private static void collectLabels(Node n, List<Label> out) {
        if (n instanceof Label l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectLabels(c, out));
        }
    }
}
