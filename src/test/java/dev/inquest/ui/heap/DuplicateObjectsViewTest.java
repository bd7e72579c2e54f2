package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.query.DuplicateObject;
import dev.inquest.heap.query.DuplicateObjects;
import dev.inquest.heap.query.LeakDumps;
import dev.inquest.progress.Progress;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.tables.DuplicateObjectsView;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The duplicate-objects table on the LeakPatterns duplicates dump, row for row the query's answer. */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class DuplicateObjectsViewTest {
    @TempDir
    static Path home;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = HeapViewsTest.heapWindow(stage, home);
    }

    @Test
    void showsTheQueryRowsRedactedUntilAsked(FxRobot robot) throws Exception {
        HeapDocument doc = HeapViewsTest.openAndWait(robot, window, LeakDumps.file("duplicates"));
        List<DuplicateObject> hidden = DuplicateObjects.find(doc.dump(), 1_000, false, Progress.NONE);
        List<DuplicateObject> shown = DuplicateObjects.find(doc.dump(), 1_000, true, Progress.NONE);
        assertThat(hidden).extracting(DuplicateObject::className).first().isEqualTo("LeakPatterns$SessionView");

        robot.interact(() -> doc.show(Section.DUPLICATES));
        DuplicateObjectsView view = doc.viewOf(Section.DUPLICATES, DuplicateObjectsView.class);
        HeapViewsTest.waitFor("duplicates", 60, () -> view.table().getItems().size() == hidden.size());
        assertThat(view.table().getItems()).containsExactlyElementsOf(hidden);
        assertThat(view.table().getItems()).allMatch(DuplicateObject::redacted);

        robot.interact(() -> view.showValues(true));
        HeapViewsTest.waitFor("values", 60, () -> !view.table().getItems().isEmpty()
                && !view.table().getItems().getFirst().redacted());
        assertThat(view.table().getItems()).containsExactlyElementsOf(shown);
        assertThat(view.table().getItems().getFirst().topKey()).matches("user-\\d+");

        // The row menu copies the figures shown; Inspect opens the example instance.
        HeapViewsTest.fireRowAction(robot, view.table(), "row-copy-markdown");
        assertThat(HeapViewsTest.clipboardText(robot)).startsWith("| `LeakPatterns$SessionView` | 20,000 | `userId` | 400 |");
        HeapViewsTest.fireRowAction(robot, view.table(), "row-inspect");
        HeapViewsTest.waitFor("inspector", 60, () -> doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class) != null && doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current() != null);
        assertThat(doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current().node()).isEqualTo(shown.getFirst().example());
    }
}
