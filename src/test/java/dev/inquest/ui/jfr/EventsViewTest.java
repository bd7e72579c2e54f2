package dev.inquest.ui.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.AllocRecording;
import dev.inquest.jfr.events.EventRow;
import dev.inquest.jfr.events.EventTypeInfo;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.read.StackTreeReader;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.progress.Progress;
import dev.inquest.testing.Corpus;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 20, "every event": the event browser and the lock flame graph in the window, on the
 * allocation workload's recording (a child JVM) and the corpus's example recording, against the
 * JDK's own reader.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class EventsViewTest {
    static final String SAMPLE = "jdk.ObjectAllocationSample";

    @TempDir
    static Path home;

    static Path recording;
    static List<RecordedEvent> samples;

    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void record() throws Exception {
        recording = AllocRecording.get().file();
        samples = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (e.getEventType().getName().equals(SAMPLE)) {
                samples.add(e);
            }
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = dev.inquest.ui.TestWindows.withFreshSettings(stage, home);
        JfrViews.install(window);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    private JfrDocument open(FxRobot robot, Path file) throws Exception {
        int before = window.documents().allTabs().size();
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.documents().allTabs().size() == before + 1
                && window.documents().allTabs().getLast().getContent() instanceof JfrDocument);
        WaitForAsyncUtils.waitForFxEvents();
        return (JfrDocument) window.documents().allTabs().getLast().getContent();
    }

    private static void awaitCount(EventsView v, long n) throws Exception {
        String want = dev.inquest.format.Units.count(n) + (n == 1 ? " event" : " events");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> v.countLabel().getText().equals(want)
                && v.table().getItems().size() == n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typesTableStackAndFiltersShowWhatTheJdkReads(FxRobot robot) throws Exception {
        JfrDocument doc = open(robot, recording);
        robot.interact(() -> doc.select("jfr-events"));
        EventsView v = doc.events();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !v.typeList().getItems().isEmpty());
        // Types with their counts: the summary's, the most frequent first.
        EventTypeInfo sampleType = v.typeList().getItems().stream().filter(t -> t.name().equals(SAMPLE)).findFirst().orElseThrow();
        assertThat(sampleType.count()).isEqualTo(doc.summary().byType().get(SAMPLE)).isEqualTo(samples.size());
        assertThat(sampleType.label()).isEqualTo("Object Allocation Sample");
        assertThat(v.typeList().getItems().getFirst().count()).isGreaterThanOrEqualTo(sampleType.count());

        robot.interact(() -> v.showType(SAMPLE));
        awaitCount(v, samples.size());
        assertThat(v.table().getColumns()).extracting(TableColumn::getText)
                .contains("Start Time", "Event Thread", "Object Class", "Sample Weight");
        assertThat(v.table().getColumns()).extracting(TableColumn::getText).doesNotContain("Stack Trace");
        assertThat(v.rowIfRead(0)).isNotNull();

        // A thread narrows the rows to its events; a row's stack is its allocating method.
        long eighty = samples.stream().filter(e -> e.getThread().getJavaName().equals("alloc-eighty")).count();
        robot.interact(() -> {
            v.threadFilter().setText("alloc-eighty");
            v.threadFilter().fireEvent(new javafx.event.ActionEvent());
        });
        awaitCount(v, eighty);
        int threadCol = columnIndex(v, "Event Thread");
        int classCol = columnIndex(v, "Object Class");
        assertThat(v.table().getColumns().get(threadCol).getCellData(0)).isEqualTo("alloc-eighty");
        robot.interact(() -> v.table().getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !v.stackList().getItems().isEmpty());
        assertThat(v.stackList().getItems()).anyMatch(f -> f.startsWith("JfrAllocWorkload.allocateEighty"));
        robot.interact(() -> Screenshots.capture(stage.getScene(), "jfr-events"));

        // The text filter matches what a cell shows.
        long ints = samples.stream().filter(e -> e.getClass("objectClass").getName().equals("[I")).count();
        robot.interact(() -> {
            v.threadFilter().setText("");
            v.textFilter().setText("int[]");
            v.textFilter().fireEvent(new javafx.event.ActionEvent());
        });
        awaitCount(v, ints);
        assertThat(v.table().getColumns().get(classCol).getCellData(0)).isEqualTo("int[]");

        // The heap chart's range applies: the first half of the recording.
        Instant first = samples.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).orElseThrow();
        Instant last = samples.stream().map(RecordedEvent::getStartTime).max(Instant::compareTo).orElseThrow();
        Instant mid = first.plus(Duration.between(first, last).dividedBy(2));
        long early = samples.stream().filter(e -> !e.getStartTime().isBefore(first) && e.getStartTime().isBefore(mid)).count();
        robot.interact(() -> {
            v.textFilter().setText("");
            doc.rangeProperty().set(new JfrDocument.Range(first, mid));
        });
        awaitCount(v, early);
        assertThat(early).isLessThan(samples.size());

        // Scrolling to the end reads the last page without holding the others.
        robot.interact(() -> doc.rangeProperty().set(null));
        awaitCount(v, samples.size());
        robot.interact(() -> v.table().scrollTo(samples.size() - 1));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> v.rowIfRead(samples.size() - 1) != null);
        EventRow lastRow = v.rowIfRead(samples.size() - 1);
        assertThat(lastRow.index()).isEqualTo(samples.size() - 1);

        for (int[] size : new int[][] {{1024, 700}, {1280, 800}}) {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> {
                    theme.apply();
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    v.table().scrollTo(0);
                    v.table().getSelectionModel().select(2);
                });
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !v.stackList().getItems().isEmpty());
                WaitForAsyncUtils.waitForFxEvents();
                String name = "jfr-events-" + theme.name().toLowerCase(java.util.Locale.ROOT) + "-" + size[0];
                robot.interact(() -> Screenshots.capture(stage.getScene(), name));
            }
        }
        robot.interact(Theme.LIGHT::apply);
    }

    private static int columnIndex(EventsView v, String title) {
        for (int i = 0; i < v.table().getColumns().size(); i++) {
            if (v.table().getColumns().get(i).getText().equals(title)) {
                return i;
            }
        }
        throw new AssertionError("no column " + title);
    }

    /** The corpus's example recording: 13 jdk.JavaMonitorEnter events, as the JDK's jfr summary counts them. */
    @Test
    void lockContentionIsAFlameGraphAndItsEventsAreBrowsable(FxRobot robot) throws Exception {
        Path example = Corpus.file("jfr/example.jfr");
        StackTree expected;
        try (JfrSource src = JfrSource.open(example, Progress.NONE)) {
            expected = StackTreeReader.read(src, StackTreeQuery.of(EventKind.LOCK), Progress.NONE);
        }
        assertThat(expected.events()).isEqualTo(13);
        JfrDocument doc = open(robot, example);
        robot.interact(() -> doc.select("jfr-lock"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> doc.locks().tree() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(doc.locks().tree().events()).isEqualTo(13);
        assertThat(doc.locks().tree().weight()).isEqualTo(dev.inquest.jfr.stack.Weight.NANOS);
        assertThat(doc.locks().flameGraph().shownTree().total()).isEqualTo(expected.total());
        for (int[] size : new int[][] {{1024, 700}, {1280, 800}}) {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> {
                    theme.apply();
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                String name = "jfr-locks-" + theme.name().toLowerCase(java.util.Locale.ROOT) + "-" + size[0];
                robot.interact(() -> Screenshots.capture(stage.getScene(), name));
            }
        }
        robot.interact(Theme.LIGHT::apply);
        // By count: one per event.
        robot.interact(() -> ((javafx.scene.control.ChoiceBox<?>) doc.locks().lookup("#jfr-lock-weight"))
                .getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> doc.locks().tree().weight() == dev.inquest.jfr.stack.Weight.COUNT);
        assertThat(doc.locks().tree().total()).isEqualTo(13);

        // The same events in the browser.
        robot.interact(() -> doc.select("jfr-events"));
        EventsView v = doc.events();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !v.typeList().getItems().isEmpty());
        robot.interact(() -> v.showType("jdk.JavaMonitorEnter"));
        awaitCount(v, 13);
        int duration = columnIndex(v, "Duration");
        List<Long> durations = RecordingFile.readAllEvents(example).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.JavaMonitorEnter"))
                .map(e -> e.getDuration().toNanos()).toList();
        long shown = (Long) v.rowIfRead(0).values().get(duration);
        assertThat(durations).contains(shown);
        assertThat(v.table().getColumns().get(duration).getCellData(0)).isEqualTo(dev.inquest.format.Units.duration(shown));
    }
}
