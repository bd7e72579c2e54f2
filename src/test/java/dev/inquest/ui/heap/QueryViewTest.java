package dev.inquest.ui.heap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.query.ObjectBrief;
import dev.inquest.heap.query.OqlDump;
import dev.inquest.heap.query.OqlQuery;
import dev.inquest.heap.query.OqlRow;
import dev.inquest.heap.query.QuerySyntaxError;
import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.progress.Progress;
import dev.inquest.ui.InquestApp;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.heap.HeapDocument.Section;
import dev.inquest.ui.heap.query.QueryView;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.settings.Settings;
import dev.inquest.ui.shell.MainWindow;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.task.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The query view (issue 19) on the OqlShapes dump, with a case open as a user works: a query's
 * rows, a syntax error at its column, class and field names completed, the common row menu on an
 * object row, a pinned result whose export shows its query as SQL, and the history kept with the
 * case across reopening it.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class QueryViewTest {
    @TempDir
    static Path home;

    private static final String OPEN = "SELECT c, c.closed AS closed FROM OqlShapes$Connection c WHERE c.closed = false";

    private Stage stage;
    private MainWindow window;
    private Notebook notebook;
    private Path caseFile;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        caseFile = home.resolve("connections-" + System.nanoTime() + ".inquest");
        Case.Builder b = Case.create("Who keeps the connections?", LocalDate.of(2026, 12, 5)).toBuilder();
        b.hypotheses.add(Hypothesis.of("H1", "Open connections keep their buffers"));
        CaseSession.create(caseFile, b.build()).save();
        window = new MainWindow(stage, new Settings(home.resolve("settings.properties")));
        notebook = dev.inquest.ui.Views.installAll(window).notebook();
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        window.open(caseFile);
    }

    private HeapDocument openDump(FxRobot robot) throws Exception {
        robot.interact(() -> InquestApp.openArguments(window, List.of(OqlDump.path().toString())));
        return waitForDump();
    }

    private HeapDocument waitForDump() throws Exception {
        HeapDocument[] found = new HeapDocument[1];
        HeapViewsTest.waitFor("heap tab", 120, () -> {
            for (Tab t : window.documents().allTabs()) {
                if (HeapViews.documentOf(t) != null) {
                    found[0] = HeapViews.documentOf(t);
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    private static QueryView query(FxRobot robot, HeapDocument doc) {
        robot.interact(() -> doc.show(Section.QUERY));
        return doc.viewOf(Section.QUERY, QueryView.class);
    }

    private void run(FxRobot robot, QueryView view, String text) throws Exception {
        robot.interact(() -> {
            view.setQuery(text);
            view.run();
        });
        HeapViewsTest.waitFor("query", 60, () -> !view.isRunning());
    }

    @Test
    void runsShowsErrorsAtTheirColumnCompletesNamesAndOffersTheRowMenu(FxRobot robot) throws Exception {
        HeapDocument doc = openDump(robot);
        QueryView view = query(robot, doc);

        // Ctrl+Enter in the editor runs: 3 + 4 open connections (OqlShapes).
        robot.interact(() -> view.setQuery(OPEN));
        robot.clickOn(view.editor());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCode.CONTROL);
        HeapViewsTest.waitFor("rows", 60, () -> !view.isRunning() && view.table().getItems().size() == 7);
        List<OqlRow> expected = OqlQuery.parse(OPEN).run(doc.dump(), QueryView.ROW_LIMIT, null, Progress.NONE).rows();
        assertThat(view.table().getItems()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(view.table().getColumns()).extracting(c -> c.getText()).containsExactly("c", "closed");
        assertThat(view.table().getItems()).allSatisfy(r -> {
            assertThat(((ObjectBrief) r.values().get(0)).className()).isEqualTo("OqlShapes$Connection");
            assertThat(r.values().get(1)).isEqualTo(false);
            assertThat(r.node()).isEqualTo(((ObjectBrief) r.values().get(0)).node());
        });
        assertThat(view.statusText()).isEqualTo("7 rows");
        assertThat(view.errorText()).isEmpty();
        // The object cell reads as everywhere else: class @ address.
        ObjectBrief first = (ObjectBrief) view.table().getItems().getFirst().values().getFirst();
        assertThat(robot.lookup("#query-table .table-cell").queryAllAs(javafx.scene.control.TableCell.class))
                .extracting(javafx.scene.control.TableCell::getText)
                .contains("OqlShapes$Connection @ 0x" + Long.toHexString(first.address()));

        // The common row menu: every object action there and enabled.
        robot.interact(() -> {
            view.table().getSelectionModel().clearAndSelect(0);
            view.table().getContextMenu().getOnShowing().handle(null);
        });
        List<MenuItem> items = view.table().getContextMenu().getItems();
        for (String id : List.of("row-inspect", "row-paths", "row-why-alive", "row-pin", "row-copy-markdown")) {
            assertThat(items).filteredOn(i -> id.equals(i.getId())).singleElement().satisfies(i -> assertThat(i.isDisable()).as(id).isFalse());
        }
        OqlRow row0 = view.table().getItems().getFirst();
        robot.interact(() -> items.stream().filter(i -> "row-inspect".equals(i.getId())).findFirst().orElseThrow().fire());
        var inspector = doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class);
        HeapViewsTest.waitFor("inspector", 60, () -> doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class) != null
                && doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current() != null);
        assertThat(doc.inspector(dev.inquest.ui.heap.inspector.InspectorView.class).current().node()).isEqualTo(row0.node());

        // Cancel stops a run: the view says so and is ready for the next.
        robot.interact(() -> {
            view.setQuery("SELECT * FROM java.lang.Object");
            view.run();
            robot.lookup("#query-cancel").queryButton().fire();
        });
        HeapViewsTest.waitFor("cancelled", 60, () -> !view.isRunning());
        assertThat(view.statusText()).startsWith("Cancelled after ");
        assertThat(robot.lookup("#query-run").queryButton().isDisabled()).isFalse();
        run(robot, view, OPEN);
        assertThat(view.table().getItems()).hasSize(7);

        // A syntax error: the message names the column and the caret goes there.
        String bad = "SELECT * FROM OqlShapes$Connection c WHERE c.closed = = false";
        QuerySyntaxError expectedError = null;
        try {
            OqlQuery.parse(bad);
        } catch (QuerySyntaxError e) {
            expectedError = e;
        }
        assertThat(expectedError).isNotNull();
        assertThat(expectedError.offset()).isEqualTo(bad.indexOf("= =") + 2);
        run(robot, view, bad);
        assertThat(view.errorText()).isEqualTo(expectedError.what() + " at column " + (bad.indexOf("= =") + 3));
        assertThat(view.editor().getCaretPosition()).isEqualTo(bad.indexOf("= =") + 2);
        // The table still shows the last result.
        assertThat(view.table().getItems()).hasSize(7);
        // A class the dump does not hold is found when it runs, with its column too.
        run(robot, view, "SELECT * FROM NoSuchClass");
        assertThat(view.errorText()).endsWith("at column 15");

        // Completion: a class name after FROM, a field name after the alias.
        robot.interact(() -> {
            view.setQuery("SELECT * FROM OqlShapes$Conn");
            view.complete();
        });
        HeapViewsTest.waitFor("class names", 30, () -> view.completionMenu().getItems().stream()
                .anyMatch(i -> i.getText().equals("OqlShapes$Connection")));
        robot.interact(() -> {
            view.editor().setText("SELECT c.po FROM OqlShapes$Connection c");
            view.editor().positionCaret("SELECT c.po".length());
            view.complete();
        });
        HeapViewsTest.waitFor("field names", 30, () -> view.completionMenu().getItems().stream()
                .anyMatch(i -> i.getText().equals("pool")));
        assertThat(view.completionMenu().getItems()).extracting(MenuItem::getText).containsExactly("pool");
        robot.interact(() -> view.completionMenu().getItems().getFirst().fire());
        assertThat(view.editor().getText()).isEqualTo("SELECT c.pool FROM OqlShapes$Connection c");
        robot.interact(() -> view.completionMenu().hide());
    }

    @Test
    void pinsWithTheQueryAsProvenanceAndKeepsTheHistoryWithTheCase(FxRobot robot) throws Exception {
        HeapDocument doc = openDump(robot);
        QueryView view = query(robot, doc);
        run(robot, view, OPEN);
        assertThat(view.table().getItems()).hasSize(7);

        // Pin: the first rows, with the query; the pin dialog asks which hypothesis.
        robot.interact(view::pin);
        HeapViewsTest.waitFor("pin dialog", 60, () -> robot.lookup("#pin-hypothesis").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<Hypothesis> target = robot.lookup("#pin-hypothesis").queryAs(ComboBox.class);
        robot.interact(() -> target.setValue(target.getItems().stream().filter(h -> h.id().equals("H1")).findFirst().orElseThrow()));
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitForFxEvents();
        List<Evidence> evidence = notebook.session().orElseThrow().current().hypothesis("H1").orElseThrow().evidence();
        assertThat(evidence).hasSize(1);
        Evidence pinned = evidence.getFirst();
        assertThat(pinned.kind()).isEqualTo(EvidenceKind.QUERY_RESULT);
        assertThat(pinned.source().locator()).containsEntry("query", OPEN);
        assertThat(pinned.path()).hasSize(1 + 7).first().isEqualTo("c | closed");
        String md = ReportExporter.export(notebook.session().orElseThrow().current(), ExportOptions.DEFAULT).markdown();
        assertThat(md).contains("```sql\n" + OPEN + "\n```");

        // Reopening the evidence shows its query in the editor.
        robot.interact(() -> view.setQuery(""));
        robot.interact(() -> notebook.reopen(pinned));
        HeapViewsTest.waitFor("reopened", 30, () -> OPEN.equals(view.editor().getText()));
        assertThat(doc.shownSection()).isEqualTo(Section.QUERY);

        // The history keeps the query with the case: switch to another case and back.
        assertThat(view.historyItems()).extracting(MenuItem::getText).containsExactly(OPEN);
        Path other = home.resolve("other-" + System.nanoTime() + ".inquest");
        robot.interact(() -> notebook.create(other, "Something else"));
        HeapViewsTest.waitFor("tabs closed", 60, () -> window.documents().allTabs().stream().noneMatch(t -> HeapViews.documentOf(t) != null));
        // The layout (and its queries) are written in order on the writes lane: wait for it.
        TaskRunner.Lane.WRITES.submit(() -> { }).get();
        robot.interact(() -> notebook.open(caseFile));
        HeapDocument again = waitForDump();
        assertThat(again).isNotSameAs(doc);
        QueryView reopened = query(robot, again);
        List<MenuItem> history = reopened.historyItems();
        assertThat(history).extracting(MenuItem::getText).containsExactly(OPEN);
        robot.interact(() -> history.getFirst().fire());
        assertThat(reopened.editor().getText()).isEqualTo(OPEN);
        assertThat(Files.readString(window.caseLayouts().fileFor(caseFile))).contains("\"queries\"");
    }

    @Test
    void pinsAndMeasuresSeveralSelectedRowsTogether(FxRobot robot) throws Exception {
        HeapDocument doc = openDump(robot);
        QueryView view = query(robot, doc);
        run(robot, view, OPEN);
        assertThat(view.table().getItems()).hasSize(7);
        javafx.scene.control.ContextMenu menu = view.table().getContextMenu();
        MenuItem pinAll = menu.getItems().stream().filter(m -> "query-pin-selection".equals(m.getId())).findFirst().orElseThrow();
        MenuItem retained = menu.getItems().stream().filter(m -> "query-retained-selection".equals(m.getId())).findFirst().orElseThrow();

        // One row selected: the menu is the common one, the selection's items hidden.
        robot.interact(() -> view.table().getSelectionModel().select(0));
        robot.interact(() -> menu.show(view.table(), javafx.geometry.Side.BOTTOM, 0, 0));
        assertThat(pinAll.isVisible()).isFalse();
        assertThat(retained.isVisible()).isFalse();
        robot.interact(menu::hide);

        robot.interact(() -> {
            view.table().getSelectionModel().clearSelection();
            view.table().getSelectionModel().selectIndices(1, 3, 4);
        });
        List<OqlRow> chosen = List.copyOf(view.table().getSelectionModel().getSelectedItems());
        long[] nodes = chosen.stream().mapToLong(OqlRow::node).toArray();
        assertThat(nodes).hasSize(3).doesNotContain(-1L);
        robot.interact(() -> menu.show(view.table(), javafx.geometry.Side.TOP, 40, 120));
        assertThat(pinAll.isVisible()).isTrue();
        assertThat(pinAll.isDisable()).isFalse();
        assertThat(pinAll.getText()).isEqualTo("Pin the 3 selected rows (one evidence)");
        assertThat(retained.isVisible()).isTrue();
        assertThat(retained.getText()).isEqualTo("Retained set of the 3 selected objects, together");
        for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (Theme theme : Theme.values()) {
                robot.interact(theme::apply);
                WaitForAsyncUtils.waitForFxEvents();
                Path[] out = new Path[1];
                String name = "heap-query-selection-menu-" + size[0] + "x" + size[1] + "-" + theme.name().toLowerCase();
                robot.interact(() -> out[0] = Screenshots.captureWithDialog(stage, menu, name));
                assertThat(Files.size(out[0])).as(name).isLessThan(900_000);
            }
        }
        robot.interact(Theme.LIGHT::apply);
        robot.interact(menu::hide);

        // The retained set of the three together: the engine's figure, in the retained set's window.
        robot.interact(retained::fire);
        HeapViewsTest.waitFor("retained set of the selection", 60,
                () -> doc.retainedSetShown() != null && doc.retainedSetShown().members() == 3);
        dev.inquest.heap.query.RetainedSet.Result expected = dev.inquest.heap.query.RetainedSet.forObjects(doc.dump(),
                "the selected query rows", nodes, Progress.NONE);
        assertThat(doc.retainedSetShown()).isEqualTo(expected);
        assertThat(expected.shallow()).isGreaterThanOrEqualTo(java.util.Arrays.stream(nodes).map(doc.dump()::retained).sum());
        assertThat(doc.retainedSetDialog().getTitle()).isEqualTo("Retained set of the selected query rows - oql.hprof");
        assertThat(doc.retainedSetShown().sentence()).startsWith("Retained set of the selected query rows (3 objects): ");
        Path[] shot = new Path[1];
        robot.interact(() -> shot[0] = Screenshots.captureWithDialog(stage, doc.retainedSetDialog().getDialogPane().getScene().getWindow(),
                "heap-query-selection-retained-1024x700"));
        assertThat(Files.size(shot[0])).isLessThan(900_000);
        robot.interact(() -> doc.retainedSetDialog().close());

        // Pinned together: one evidence, the query as provenance, the three rows in their order.
        robot.interact(pinAll::fire);
        HeapViewsTest.waitFor("pin dialog", 60, () -> robot.lookup("#pin-hypothesis").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<Hypothesis> target = robot.lookup("#pin-hypothesis").queryAs(ComboBox.class);
        robot.interact(() -> target.setValue(target.getItems().stream().filter(h -> h.id().equals("H1")).findFirst().orElseThrow()));
        robot.clickOn("#pin-ok");
        WaitForAsyncUtils.waitForFxEvents();
        List<Evidence> evidence = notebook.session().orElseThrow().current().hypothesis("H1").orElseThrow().evidence();
        assertThat(evidence).hasSize(1);
        Evidence pinned = evidence.getFirst();
        assertThat(pinned.kind()).isEqualTo(EvidenceKind.QUERY_RESULT);
        assertThat(pinned.source().locator()).containsEntry("query", OPEN);
        assertThat(pinned.path()).hasSize(1 + 3);
        for (int k = 0; k < 3; k++) {
            String address = String.format("0x%x", doc.dump().address(nodes[k]));
            assertThat(pinned.path().get(1 + k)).contains(address);
        }
    }

    @Test
    void screenshotsWithTheNotebookOpen(FxRobot robot) throws Exception {
        HeapDocument doc = openDump(robot);
        QueryView view = query(robot, doc);
        run(robot, view, "SELECT c, c.pool.name AS pool, c.buffer.@length AS buffer, c.@retainedHeapSize AS retained\n"
                + "FROM OqlShapes$Connection c WHERE c.closed = false");
        for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (Theme theme : Theme.values()) {
                robot.interact(theme::apply);
                WaitForAsyncUtils.waitForFxEvents();
                Path[] out = new Path[1];
                String name = "heap-query-" + size[0] + "x" + size[1] + "-" + theme.name().toLowerCase();
                robot.interact(() -> out[0] = Screenshots.capture(stage.getScene(), name));
                assertThat(Files.size(out[0])).as(name).isLessThan(900_000);
            }
        }
        robot.interact(Theme.LIGHT::apply);
    }
}
