package dev.inquest.ui.flame;

import dev.inquest.jfr.render.CollapsedStacks;
import dev.inquest.jfr.render.ColorMode;
import dev.inquest.jfr.render.FlameIndex;
import dev.inquest.jfr.render.FlameLayout;
import dev.inquest.jfr.render.FlamePalette;
import dev.inquest.jfr.render.FlamePaletteTest;
import dev.inquest.jfr.render.FlameTransforms;
import dev.inquest.jfr.render.Frame;
import dev.inquest.jfr.render.FrameInfo;
import dev.inquest.jfr.render.FrameKind;
import dev.inquest.jfr.render.SampleProfiles;
import dev.inquest.jfr.render.WeightUnit;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@ExtendWith(ApplicationExtension.class)
class FlameGraphTest {
    /** all=100: main=100: half=50 (chain below), quarter=25, rest=20, main self 5. */
    static final Frame TREE = CollapsedStacks.parse("""
            main_[j];half_[j];h1_[i];h2_[n] 50
            main_[j];quarter_[0] 25
            main_[j];rest_[j];parse_[j] 20
            main_[j] 5
            """);

    private FlameGraph graph;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        graph = new FlameGraph();
        graph.setTree(TREE, WeightUnit.BYTES);
        stage.setScene(new Scene(graph, 1000, 500));
        stage.sizeToScene();   // the stage is shared between tests; one of them resizes it
        stage.show();
    }

    private FlameCanvas canvas() {
        return graph.canvas();
    }

    /** Screen point at the middle of a frame (found by labels under the root). */
    private Point2D centre(String... stack) {
        FlameIndex index = canvas().index();
        int i = index.find(stack);
        FlameLayout l = canvas().geometry();
        double x = Math.max(0, l.x(index, i));
        double w = Math.min(l.width(), l.x(index, i) + l.w(index, i)) - x;
        return canvas().localToScreen(x + w / 2, l.y(index.depth(i)) + l.rowHeight() / 2);
    }

    private BufferedImage pixels(FxRobot robot) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = canvas().canvas().snapshot(null, null));
        return SwingFXUtils.fromFXImage(img[0], null);
    }

    private int colorOf(String... stack) {
        return canvas().colors()[canvas().index().find(stack)];
    }

    @Test
    void aFrameWithHalfTheWeightTakesHalfTheWidth(FxRobot robot) {
        FlameIndex index = canvas().index();
        FlameLayout l = canvas().geometry();
        double width = canvas().canvas().getWidth();
        assertThat(width).isGreaterThan(900);
        int half = index.find("main", "half");
        assertThat(l.w(index, half)).isCloseTo(width / 2, within(1.0));
        // And the pixels agree: left of the middle is 'half', right of it 'quarter', on half's row.
        BufferedImage img = pixels(robot);
        int y = (int) (l.y(index.depth(half)) + l.rowHeight() / 2);
        assertThat(img.getRGB((int) (width / 2) - 3, y) & 0xffffff).isEqualTo(colorOf("main", "half"));
        // (probe the right end of 'quarter': its label is drawn from the left edge)
        assertThat(img.getRGB((int) (width * 0.75) - 4, y) & 0xffffff).isEqualTo(colorOf("main", "quarter"));
        // Flame: the root sits on the bottom row.
        assertThat(l.y(0)).isCloseTo(canvas().canvas().getHeight() - l.rowHeight(), within(0.01));
        assertThat(img.getRGB((int) canvas().canvas().getWidth() - 4, (int) (canvas().canvas().getHeight() - l.rowHeight() / 2)) & 0xffffff).isEqualTo(colorOf());
    }

    private java.util.List<String> legendTexts(FxRobot robot) {
        return robot.lookup("#flame-legend").queryAs(javafx.scene.layout.Pane.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void legendNamesTheFrameKindsPresent(FxRobot robot) {
        assertThat(legendTexts(robot)).containsExactly("interpreted", "JIT compiled", "inlined", "native");
    }

    @Test
    void redrawsAtTheNewWidthOnResize(FxRobot robot) {
        robot.interact(() -> stage.setWidth(640));
        WaitForAsyncUtils.waitForFxEvents();
        double width = canvas().canvas().getWidth();
        assertThat(width).isLessThan(660);
        FlameIndex index = canvas().index();
        int half = index.find("main", "half");
        FlameLayout l = canvas().geometry();
        assertThat(l.w(index, half)).isCloseTo(width / 2, within(1.0));
        BufferedImage img = pixels(robot);
        assertThat(img.getWidth()).isEqualTo((int) width);
        int y = (int) (l.y(index.depth(half)) + l.rowHeight() / 2);
        assertThat(img.getRGB((int) (width / 2) - 3, y) & 0xffffff).isEqualTo(colorOf("main", "half"));
    }

    @Test
    void icicleTogglePutsTheRootOnTop(FxRobot robot) {
        robot.clickOn("#flame-orientation");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas().orientationProperty().get()).isEqualTo(FlameLayout.Orientation.ICICLE);
        FlameLayout l = canvas().geometry();
        assertThat(l.y(0)).isZero();
        assertThat(l.y(2)).isEqualTo(2 * l.rowHeight());
        BufferedImage img = pixels(robot);
        assertThat(img.getRGB((int) canvas().canvas().getWidth() - 4, (int) (l.rowHeight() / 2)) & 0xffffff).isEqualTo(colorOf());
    }

    @Test
    void hoverDescribesTheFrameUnderTheMouse(FxRobot robot) {
        robot.moveTo(centre("main", "quarter"));
        WaitForAsyncUtils.waitForFxEvents();
        FrameInfo f = graph.hoveredFrameProperty().get();
        assertThat(f).isNotNull();
        assertThat(f.label()).isEqualTo("quarter");
        assertThat(f.kind()).isEqualTo(FrameKind.INTERPRETED);
        assertThat(f.shareOfRoot()).isCloseTo(0.25, within(1e-9));
        assertThat(f.stack()).containsExactly("main", "quarter");
        String status = robot.lookup("#flame-status").queryAs(Label.class).getText();
        assertThat(status).contains("quarter").contains("total 25 bytes (25.00 % of all, 25.00 % of parent)").contains("self 25 bytes");
    }

    @Test
    void clickZoomsAndTheBreadcrumbZoomsBackOut(FxRobot robot) {
        robot.clickOn(centre("main", "rest"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.zoomedFrameProperty().get().label()).isEqualTo("rest");
        assertThat(graph.selectedFrameProperty().get().label()).isEqualTo("rest");
        FlameIndex index = canvas().index();
        FlameLayout l = canvas().geometry();
        int rest = index.find("main", "rest");
        assertThat(l.x(index, rest)).isCloseTo(0, within(0.5));
        assertThat(l.w(index, rest)).isCloseTo(canvas().canvas().getWidth(), within(0.5));
        assertThat(l.w(index, index.find("main", "rest", "parse"))).isCloseTo(canvas().canvas().getWidth(), within(0.5));
        assertThat(robot.lookup("#flame-crumb-2").queryButton().getText()).isEqualTo("rest");
        assertThat(robot.lookup("#flame-crumb-0").queryButton().getText()).isEqualTo("all");

        robot.clickOn("#flame-crumb-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.zoomedFrameProperty().get().label()).isEqualTo("main");
        assertThat(canvas().geometry().w(canvas().index(), rest)).isCloseTo(canvas().canvas().getWidth() * 0.2, within(1.0));
        robot.clickOn("#flame-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.zoomedFrameProperty().get().label()).isEqualTo("all");
    }

    @Test
    void searchHighlightsMatchesAndReportsTheirShare(FxRobot robot) {
        robot.clickOn("#flame-search").write("^h|parse");
        WaitForAsyncUtils.waitForFxEvents();
        // half (50, with h1/h2 nested inside) + h1? no: ^h matches half, h1, h2 -> half counts once; parse 20.
        assertThat(graph.matchedShareProperty().get()).isCloseTo(0.70, within(1e-9));
        assertThat(robot.lookup("#flame-match").queryAs(Label.class).getText()).isEqualTo("matched: 70.00 % (4)");
        BufferedImage img = pixels(robot);
        FlameIndex index = canvas().index();
        FlameLayout l = canvas().geometry();
        int h1 = index.find("main", "half", "h1");
        assertThat(img.getRGB((int) (l.w(index, h1) - 4), (int) (l.y(index.depth(h1)) + l.rowHeight() / 2)) & 0xffffff).isEqualTo(FlamePalette.MATCH);
        int quarter = index.find("main", "quarter");
        assertThat(img.getRGB((int) (l.x(index, quarter) + l.w(index, quarter) - 4), (int) (l.y(index.depth(quarter)) + l.rowHeight() / 2)) & 0xffffff)
                .isNotEqualTo(FlamePalette.MATCH);

        robot.type(KeyCode.ENTER);
        assertThat(index.label(canvas().currentMatch())).isEqualTo("half");
        robot.type(KeyCode.ENTER);
        assertThat(index.label(canvas().currentMatch())).isEqualTo("h1");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertThat(index.label(canvas().currentMatch())).isEqualTo("half");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertThat(index.label(canvas().currentMatch())).isEqualTo("parse");

        robot.interact(() -> graph.search("("));
        assertThat(robot.lookup("#flame-search").query().getPseudoClassStates().toString()).contains("danger");
        assertThat(graph.matchedShareProperty().get()).isZero();
    }

    @Test
    void nextMatchZoomsToAMatchTooNarrowToSee(FxRobot robot) {
        robot.interact(() -> {
            graph.setTree(CollapsedStacks.parse("main;big 100000\nmain;tiny;needle 3\nmain;tiny 1\n"), WeightUnit.SAMPLES);
            graph.search("needle");
        });
        FlameIndex index = canvas().index();
        int needle = index.find("main", "tiny", "needle");
        assertThat(canvas().geometry().w(index, needle)).isLessThan(1);
        robot.interact(graph::nextMatch);
        // Zoomed to the parent: the match is three quarters of the width, with its sibling gap beside it.
        assertThat(graph.zoomedFrameProperty().get().label()).isEqualTo("tiny");
        assertThat(graph.selectedFrameProperty().get().label()).isEqualTo("needle");
        assertThat(canvas().geometry().w(index, needle)).isCloseTo(canvas().canvas().getWidth() * 0.75, within(1.0));
        assertThat(graph.matchedShareProperty().get()).isCloseTo(3.0 / 100_004, within(1e-12));
    }

    @Test
    void anEmptyTreeShowsNothingAndDoesNotBreakInteraction(FxRobot robot) {
        robot.interact(() -> graph.setTree(CollapsedStacks.parse("# nothing sampled\n"), WeightUnit.SAMPLES));
        assertThat(graph.zoomedFrameProperty().get().label()).isEqualTo("all");
        assertThat(graph.zoomedFrameProperty().get().total()).isZero();
        robot.interact(() -> {
            canvas().panBy(50);
            canvas().zoomAround(100, 0.5);
            graph.search("x");
            graph.nextMatch();
        });
        assertThat(canvas().frameAt(10, canvas().canvas().getHeight() - 5)).isEqualTo(-1);
        assertThat(robot.lookup("#flame-status").queryAs(Label.class).getText()).contains("total 0 samples");
        robot.interact(() -> graph.setTree(null, WeightUnit.SAMPLES));
        assertThat(graph.zoomedFrameProperty().get()).isNull();
        assertThat(robot.lookup("#flame-status").queryAs(Label.class).getText()).isEqualTo("No data");
    }

    @Test
    void reverseViewPutsSelfWeightAtTheRoot(FxRobot robot) {
        robot.clickOn("#flame-reverse");
        WaitForAsyncUtils.waitForFxEvents();
        Frame shown = graph.shownTree();
        assertThat(shown.total()).isEqualTo(100);
        assertThat(shown.children()).extracting(Frame::label).containsExactly("main", "h2", "quarter", "parse");
        assertThat(shown.children()).extracting(Frame::total).containsExactly(5L, 50L, 25L, 20L);
        assertThat(shown.path("parse", "rest", "main").total()).isEqualTo(20);
        assertThat(canvas().index().count()).isEqualTo(shown.count());
    }

    @Test
    void focusExcludeRecursionAndMinWidthRebuildTheShownTree(FxRobot robot) {
        robot.interact(() -> graph.focusOn("rest"));
        assertThat(graph.shownTree().total()).isEqualTo(20);
        assertThat(graph.shownTree().children()).extracting(Frame::label).containsExactly("rest");
        assertThat(robot.lookup("#flame-focus").query().isVisible()).isTrue();
        robot.clickOn("#flame-focus-clear");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.shownTree().total()).isEqualTo(100);

        robot.interact(() -> graph.setExclude("^h2$|quarter"));
        assertThat(graph.shownTree().total()).isEqualTo(25);
        assertThat(graph.shownTree().path("main", "half").total()).isZero();
        robot.interact(() -> graph.setExclude(""));

        robot.interact(() -> graph.setMinWidthShare(0.22));
        assertThat(graph.shownTree().path("main").children()).extracting(Frame::label).containsExactly("half", "quarter");
        robot.interact(() -> graph.setMinWidthShare(0));

        robot.interact(() -> graph.setTree(CollapsedStacks.parse("f;f;f;g 3\nf 1\n"), WeightUnit.SAMPLES));
        robot.interact(() -> graph.setCollapseRecursion(true));
        assertThat(graph.shownTree().path("f").children()).extracting(Frame::label).containsExactly("g");
        assertThat(graph.shownTree().path("f").self()).isEqualTo(1);
    }

    @Test
    void diffTreesColourGrowthRedAndShrinkBlue(FxRobot robot) {
        Frame d = FlameTransforms.diff(CollapsedStacks.parse("main;grew 100\nmain;shrank 300\nmain;same 600\n"),
                CollapsedStacks.parse("main;grew 300\nmain;shrank 100\nmain;same 600\n"));
        robot.interact(() -> graph.setTree(d, WeightUnit.SAMPLES));
        assertThat(canvas().colorModeProperty().get()).isEqualTo(ColorMode.DIFF);
        BufferedImage img = pixels(robot);
        FlameIndex index = canvas().index();
        FlameLayout l = canvas().geometry();
        int grew = index.find("main", "grew");
        int shrank = index.find("main", "shrank");
        int same = index.find("main", "same");
        int y = (int) (l.y(1 + 1) + l.rowHeight() / 2);
        // Probe right ends: labels are drawn from the left.
        int g = img.getRGB((int) (l.x(index, grew) + l.w(index, grew) - 4), y);
        int s = img.getRGB((int) (l.x(index, shrank) + l.w(index, shrank) - 4), y);
        int u = img.getRGB((int) (l.x(index, same) + l.w(index, same) - 4), y);
        assertThat(FlamePaletteTest.red(g)).isGreaterThan(FlamePaletteTest.blue(g) + 100);
        assertThat(FlamePaletteTest.blue(s)).isGreaterThan(FlamePaletteTest.red(s) + 100);
        assertThat(u & 0xffffff).isEqualTo(FlamePalette.UNCHANGED);
        assertThat(legendTexts(robot)).containsExactly("grew", "shrank", "same share");
        robot.interact(() -> canvas().hoverAt(grew));
        // 300 of 1,000 now against 100 of 1,000 before: 30 % of all, up 20 points.
        assertThat(robot.lookup("#flame-status").queryAs(Label.class).getText())
                .contains("total 300 samples (30.00 % of all").contains("baseline 100 samples (10.00 % of all, +20.00 points)");
    }

    @Test
    void exportsSvgAndPngOfTheCurrentView(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> canvas().zoomTo(canvas().index().find("main", "half")));
        Path svg = dir.resolve("view.svg");
        Path png = dir.resolve("view.png");
        robot.interact(() -> {
            try {
                graph.exportSvg(svg);
                graph.exportPng(png);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        String text = Files.readString(svg);
        // Zoomed into 'half': its chain is drawn, its siblings are not.
        assertThat(text).contains(">half<").contains(">h1<").contains(">h2<").doesNotContain(">quarter<");
        assertThat(text).contains("total 50 bytes (50.00 % of all");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo((int) canvas().canvas().getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < img.getWidth(); x += 7) {
            for (int y = 0; y < img.getHeight(); y += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(4);
        assertThat(colours).contains(0xff000000 | colorOf("main", "half", "h1"));
    }

    @Test
    void deepTreesGetAScrollBarThatPansTheRows(FxRobot robot) {
        StringBuilder deep = new StringBuilder("f0");
        for (int k = 1; k < 60; k++) {
            deep.append(";f").append(k);
        }
        robot.interact(() -> graph.setTree(CollapsedStacks.parse(deep + " 10\nother 10\n"), WeightUnit.SAMPLES));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollBar bar = robot.lookup("#flame-vbar").queryAs(javafx.scene.control.ScrollBar.class);
        assertThat(bar.isVisible()).isTrue();
        FlameLayout l = canvas().geometry();
        assertThat(l.width()).isCloseTo(canvas().getWidth() - bar.getWidth(), within(0.5));
        // Flame: at rest the root is at the bottom and the bar at its bottom end.
        assertThat(bar.getValue()).isEqualTo(bar.getMax());
        assertThat(canvas().frameAt(10, l.height() - 2)).isZero();
        robot.interact(() -> bar.setValue(0));
        FlameLayout top = canvas().geometry();
        // Scrolled to the top: the deepest frame (depth 60) is on the top row.
        assertThat(top.y(60)).isCloseTo(0, within(0.01));
        assertThat(canvas().index().label(canvas().frameAt(10, 5))).isEqualTo("f59");
    }

    @Test
    void bigTreesAreTransformedInTheBackground(FxRobot robot) throws Exception {
        Frame big = SampleProfiles.sampled(FlameGraph.ASYNC_FRAMES + 10_000, 3);
        Frame reversed = FlameTransforms.reverse(big);
        robot.interact(() -> graph.setTree(big, WeightUnit.SAMPLES));
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> !graph.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas().index().count()).isEqualTo(big.count());
        robot.interact(() -> graph.setReversed(true));
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> !graph.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.shownTree()).isEqualTo(reversed);
        assertThat(canvas().index().count()).isEqualTo(reversed.count());
        assertThat(graph.zoomedFrameProperty().get().total()).isEqualTo(big.total());
    }

    @Test
    void escapeZoomsOutOneLevelAndCtrlWheelZooms(FxRobot robot) {
        robot.clickOn(centre("main", "half", "h1"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.zoomedFrameProperty().get().label()).isEqualTo("h1");
        robot.type(KeyCode.ESCAPE);
        assertThat(graph.zoomedFrameProperty().get().label()).isEqualTo("half");
        robot.interact(() -> canvas().zoomAround(canvas().canvas().getWidth() / 2, 4));
        assertThat(graph.zoomedFrameProperty().get().label()).isEqualTo("main");
        Button crumb = robot.lookup("#flame-crumb-1").queryButton();
        assertThat(crumb.isDisabled()).isTrue();
    }
    /**
     * Issue 18: in a narrow view the breadcrumb squeezed every crumb to "..." and drew over the
     * legend. Now the legend takes a line of its own, whole crumbs leave from the middle into a
     * "…" menu that zooms to them, and the root and the zoomed frame stay, unelided.
     */
    @Test
    void aNarrowViewKeepsWholeCrumbsAndOffersTheOthersInAMenu(FxRobot robot) {
        Frame deep = CollapsedStacks.parse("""
                main_[j];service.OrderService.process_[j];service.OrderService.validate_[j];util.Checks.requireNonEmpty_[j];util.Strings.describeCollection_[j];java.lang.StringBuilder.append_[j];leaf_[j] 10
                main_[j] 2
                """);
        robot.interact(() -> {
            graph.setTree(deep, WeightUnit.BYTES);
            stage.setWidth(420);
        });
        String[] stack = {"main", "service.OrderService.process", "service.OrderService.validate", "util.Checks.requireNonEmpty",
                "util.Strings.describeCollection", "java.lang.StringBuilder.append", "leaf"};
        robot.interact(() -> assertThat(graph.zoomTo(stack)).isTrue());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            javafx.scene.Parent crumbs = (javafx.scene.Parent) graph.lookup("#flame-crumbs");
            javafx.scene.Node legend = graph.lookup("#flame-legend");
            javafx.geometry.Bounds crumbBounds = crumbs.localToScene(crumbs.getLayoutBounds());
            javafx.geometry.Bounds legendBounds = legend.localToScene(legend.getLayoutBounds());
            assertThat(legendBounds.getMinY()).as("the legend on a line below the crumbs").isGreaterThanOrEqualTo(crumbBounds.getMaxY() - 0.5);
            java.util.List<Button> shown = crumbs.getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof Button && n.isVisible() && n.getId().startsWith("flame-crumb-")).map(Button.class::cast).toList();
            assertThat(shown.getFirst().getText()).isEqualTo("all");
            assertThat(shown.getLast().getText()).isEqualTo("leaf");
            for (Button b : shown) {
                assertThat(b.getWidth()).as(b.getText() + " whole").isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
                assertThat(crumbs.sceneToLocal(b.localToScene(b.getLayoutBounds())).getMaxX()).isLessThanOrEqualTo(crumbs.getLayoutBounds().getWidth() + 0.5);
            }
            assertThat(shown).hasSizeLessThan(stack.length + 1);
            javafx.scene.control.MenuButton more = (javafx.scene.control.MenuButton) graph.lookup("#flame-crumbs-hidden");
            assertThat(more.isVisible()).isTrue();
            // The menu lists exactly the frames left out, by their full names, in path order.
            java.util.List<String> hidden = more.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList();
            assertThat(hidden).isNotEmpty().hasSize(stack.length + 1 - shown.size()).contains("service.OrderService.process");
            more.getItems().stream().filter(i -> i.getText().equals("service.OrderService.process")).findFirst().orElseThrow().fire();
        });
        assertThat(graph.zoomedFrameProperty().get().label()).isEqualTo("service.OrderService.process");
        robot.interact(() -> stage.setWidth(1000));
    }
}
