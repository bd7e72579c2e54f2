package dev.inquest.ui.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.format.Units;
import dev.inquest.jfr.NativeRecordings;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.nativemem.NativeMemory;
import dev.inquest.jfr.nativemem.NativeMemory.Kind;
import dev.inquest.jfr.nativemem.NativeMemory.Point;
import dev.inquest.progress.Progress;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.TestWindows;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.chart.XYChart;
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

/** The "Native memory" view of a recording, on child-JVM recordings whose native side is known. */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class NativeMemoryViewTest {
    @TempDir
    static Path home;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.withFreshSettings(stage, home);
        JfrViews.install(window);
        stage.show();
    }

    private NativeMemoryView open(FxRobot robot, Path file) throws Exception {
        int before = window.documents().allTabs().size();
        robot.interact(() -> window.open(file));
        TestWindows.waitFor("the recording", 60, () -> window.documents().allTabs().size() > before
                && window.documents().allTabs().getLast().getContent() instanceof JfrDocument);
        Tab tab = window.documents().allTabs().getLast();
        JfrDocument doc = (JfrDocument) tab.getContent();
        robot.interact(() -> doc.select("jfr-native"));
        NativeMemoryView view = (NativeMemoryView) doc.views().getSelectionModel().getSelectedItem().getContent();
        TestWindows.waitFor("memory beyond the heap", 60, () -> view.memory() != null);
        return view;
    }

    private static NativeMemory engine(Path file) throws Exception {
        try (Recording r = Recording.open(file, Progress.NONE)) {
            return r.nativeMemory(Progress.NONE);
        }
    }

    private static List<String> lines(NativeMemoryView view) {
        return view.chart().getData().stream().map(XYChart.Series::getName).toList();
    }

    @Test
    void chartsTheEngineSeriesWithTheGapAndHoverValues(FxRobot robot) throws Exception {
        Path file = NativeRecordings.growing().file();
        NativeMemory m = engine(file);
        NativeMemoryView view = open(robot, file);

        assertThat(view.headline().getText()).isEqualTo(m.headline());
        // Every series recorded (NMT was on): nothing to say is absent.
        assertThat(view.absent().isVisible()).isFalse();
        assertThat(view.table().getItems()).hasSize(m.series().size());
        // The main series and the NMT category that grew ("Other": the direct buffers and arena memory) are drawn;
        // the direct-buffer count is a count, not bytes, and has no line.
        assertThat(lines(view)).contains("resident set size", "heap committed", "heap used after GC", "metaspace committed",
                "code cache used", "direct buffers", "NMT committed total", "resident set minus committed heap",
                "NMT committed: Other").doesNotContain("direct buffer count", "NMT committed: Java Heap");
        // Each line is the engine's series, in MiB at seconds since the start.
        XYChart.Series<Number, Number> rss = view.chart().getData().stream()
                .filter(s -> s.getName().equals("resident set size")).findFirst().orElseThrow();
        List<Point> points = m.of(Kind.RSS).points();
        assertThat(rss.getData()).hasSize(points.size());
        assertThat(rss.getData().getLast().getYValue().doubleValue()).isEqualTo(points.getLast().value() / (double) (1 << 20));

        // A colour per series, whatever the chart's position: no two lines alike, the gap drawn thicker.
        assertThat(lines(view).stream().map(view::colourOf).distinct().count()).isEqualTo(lines(view).size());
        assertThat(view.colourOf("resident set minus committed heap")).contains("-fx-stroke-width: 3.5px");

        // Hover: the values of the shown series at a moment, as the table's units say them.
        Instant start = ((JfrDocument) window.documents().allTabs().getLast().getContent()).summary().start();
        double end = Duration.between(start, points.getLast().time()).toNanos() / 1e9 + 0.001;
        String hover = view.hoverText(end);
        assertThat(hover).startsWith(String.format(Locale.ROOT, "%.1f s\n", end))
                .contains("\nresident set size: " + Units.bytes(points.getLast().value()) + "\n")
                .contains("\nresident set minus committed heap: " + Units.bytes(m.of(Kind.GAP).points().getLast().value()));
        assertThat(view.hoverText(-5)).contains("resident set size: not yet sampled");
        // The hover label follows the pointer over the chart.
        Bounds plot = view.chart().lookup(".chart-plot-background").localToScreen(
                view.chart().lookup(".chart-plot-background").getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(plot.getCenterX(), plot.getCenterY()));
        TestWindows.waitFor("the hover label", 10, () -> view.hover().isVisible());
        assertThat(view.hover().getText()).contains("resident set size: ");

        // Unticking a row takes its line off the chart; ticking it puts it back.
        NativeMemoryView.Row other = view.table().getItems().stream()
                .filter(r -> "Other".equals(r.series().category())).findFirst().orElseThrow();
        robot.interact(() -> other.shown.set(false));
        assertThat(lines(view)).doesNotContain("NMT committed: Other");
        robot.interact(() -> other.shown.set(true));
        assertThat(lines(view)).contains("NMT committed: Other");

        robot.moveTo(new javafx.geometry.Point2D(plot.getMaxX() - 40, plot.getMinY() + 30));
        screenshots(robot, "jfr-native");
    }

    @Test
    void saysWhatTheRecordingLacks(FxRobot robot) throws Exception {
        NativeMemoryView view = open(robot, NativeRecordings.flat().file());
        assertThat(view.absent().isVisible()).isTrue();
        assertThat(view.absent().getText()).isEqualTo("Not in this recording: NMT committed total and NMT committed per"
                + " category (native memory tracking events are written only when the JVM runs with"
                + " -XX:NativeMemoryTracking=summary or detail, JDK 20 and later).");
        assertThat(lines(view)).contains("resident set size", "resident set minus committed heap")
                .noneMatch(n -> n.startsWith("NMT"));
        assertThat(view.table().getItems()).noneMatch(r -> r.series().kind() == Kind.NMT_TOTAL);
    }

    @Test
    void thinningKeepsEachBucketsLowestAndHighest() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            points.add(new Point(t0.plusMillis(i), i == 4321 ? 1_000_000 : i % 7));
        }
        List<Point> thin = NativeMemoryView.thin(points, 1000);
        assertThat(thin.size()).isLessThanOrEqualTo(1000).isGreaterThan(500);
        // The one spike survives, and time stays in order.
        assertThat(thin).contains(points.get(4321));
        for (int i = 1; i < thin.size(); i++) {
            assertThat(thin.get(i).time()).isAfterOrEqualTo(thin.get(i - 1).time());
        }
        assertThat(NativeMemoryView.thin(points.subList(0, 10), 1000)).isEqualTo(points.subList(0, 10));
        assertThat(NativeMemoryView.at(points, t0.plusMillis(4321))).isEqualTo(points.get(4321));
        assertThat(NativeMemoryView.at(points, t0.minusMillis(1))).isNull();
    }

    /** 1280x800 and 1024x700, light and dark; the headline is shown whole in each. */
    private void screenshots(FxRobot robot, String name) throws Exception {
        try {
            for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
                for (Theme theme : Theme.values()) {
                    robot.interact(() -> {
                        theme.apply();
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    String file = name + "-" + size[0] + "x" + size[1] + "-" + theme.name().toLowerCase(Locale.ROOT);
                    robot.interact(() -> Screenshots.capture(stage.getScene(), file));
                }
            }
        } finally {
            robot.interact(() -> {
                Theme.LIGHT.apply();
                stage.setWidth(1280);
                stage.setHeight(800);
            });
        }
    }
}
