package dev.inquest.ui.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.capture.JvmDescriptor;
import dev.inquest.format.Units;
import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Case;
import dev.inquest.testing.CaptureTarget;
import dev.inquest.testing.RunningJvm;
import dev.inquest.ui.Screenshots;
import dev.inquest.ui.TestWindows;
import dev.inquest.ui.Views;
import dev.inquest.ui.settings.Theme;
import dev.inquest.ui.shell.DocumentArea;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
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
 * Issue 21, the window: the Capture page lists a real child JVM, and what it takes from it lands in
 * the case (a new one when none is open) with its provenance and opens. One child JVM for the class.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class CapturePageTest {
    static final String HELD_CLASS = CaptureTarget.Held.class.getName();

    @TempDir
    static Path home;
    static RunningJvm child;
    static int port;

    private MainWindow window;
    private Views.Installed installed;
    private Stage stage;
    private Path cases;

    @BeforeAll
    static void startChild() {
        // Also on a loopback JMX port without authentication: the same child is the remote JVM of the JMX test.
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        child = RunningJvm.start(CaptureTarget.class, List.of("-Xmx64m",
                "-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false"), "4321");
    }

    @AfterAll
    static void stopChild() {
        if (child != null) {
            child.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.withFreshSettings(stage, home);
        installed = Views.installAll(window);
        cases = Files.createTempDirectory(home, "c").resolve("Inquest cases");
        installed.notebook().setNewCaseFolder(() -> cases);
        stage.show();
    }

    /**
     * Waits until {@code condition} holds, reading it on the FX thread. The page, the case and the
     * tabs are the FX thread's: read from the test's thread, a condition could see a capture's
     * artifact in the case while the same FX event had not yet written the page's message (the
     * case's listeners run in between), which failed "the message says heap dump" now and then.
     */
    private static void waitOnFx(String what, int seconds, java.util.function.BooleanSupplier condition) throws Exception {
        TestWindows.waitFor(what, seconds, () -> {
            try {
                return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Opens the page (as the welcome page's button does) and selects the child once listed. */
    private CapturePage pageWithChildSelected(FxRobot robot) throws Exception {
        robot.interact(() -> ((Button) window.root().lookup("#welcome-capture")).fire());
        CapturePage page = installed.captures().page().orElseThrow();
        // Generous: the machine runs other builds, and the child's JMX agent starts on the first listing.
        // Attachable: on a loaded machine one listing may find it too slow to answer; the page lists again every 5 s.
        waitOnFx("the child JVM listed as attachable", 120,
                () -> row(page).filter(JvmDescriptor::attachable).isPresent());
        robot.interact(() -> page.select(child.pid()));
        return page;
    }

    private static Optional<JvmDescriptor> row(CapturePage page) {
        return List.copyOf(page.table().getItems()).stream().filter(j -> j.pid() == child.pid()).findFirst();
    }

    private static String cell(CapturePage page, JvmDescriptor row, String column) {
        for (TableColumn<JvmDescriptor, ?> c : page.table().getColumns()) {
            if (c.getText().equals(column)) {
                return String.valueOf(c.getCellData(row));
            }
        }
        throw new AssertionError("no column " + column);
    }

    private void fire(FxRobot robot, String id) {
        robot.interact(() -> {
            Button b = (Button) window.root().lookup(id);
            CapturePage page = installed.captures().page().orElseThrow();
            assertThat(b.isDisabled()).as(id + " enabled; selected: " + page.table().getSelectionModel().getSelectedItem())
                    .isFalse();
            b.fire();
        });
    }

    private Case currentCase() {
        return installed.notebook().session().orElseThrow().current();
    }

    private Optional<Tab> tabOf(Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        return window.documents().allTabs().stream().filter(t -> wanted.equals(DocumentArea.fileOf(t))).findFirst();
    }

    @Test
    void listsTheChildAndAHistogramStartsACaseKeepsItAndOpensAsSearchableText(FxRobot robot) throws Exception {
        CapturePage page = pageWithChildSelected(robot);
        JvmDescriptor d = row(page).orElseThrow();
        assertThat(cell(page, d, "Main class or jar")).isEqualTo(CaptureTarget.class.getName());
        assertThat(cell(page, d, "Java")).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(cell(page, d, "Attach")).isEqualTo("yes");
        waitOnFx("the heap figures", 60, () -> row(page).orElseThrow().heapMax() > 0);
        assertThat(cell(page, row(page).orElseThrow(), "Heap max")).isEqualTo(Units.bytes(64L << 20));
        assertThat(installed.notebook().session()).as("no case yet").isEmpty();

        fire(robot, "#capture-histogram");
        waitOnFx("the histogram in the case", 120,
                () -> installed.notebook().session().isPresent() && currentCase().artifacts().size() == 1);
        Artifact a = currentCase().artifacts().getFirst();
        assertThat(a.id()).isEqualTo("A1");
        assertThat(a.kind()).isEqualTo("class histogram");
        assertThat(a.path()).startsWith("captures/").endsWith("-histogram.txt");
        assertThat(a.provenance().pid()).isEqualTo(child.pid());
        assertThat(a.provenance().mainClass()).isEqualTo(CaptureTarget.class.getName());
        assertThat(a.provenance().command()).isEqualTo("jcmd " + child.pid() + " GC.class_histogram");
        Path caseDir = installed.notebook().session().orElseThrow().path().orElseThrow().getParent();
        assertThat(caseDir).isEqualTo(cases);
        Path file = caseDir.resolve(a.path());
        assertThat(Files.readString(file)).contains(HELD_CLASS);
        assertThat(a.fingerprint().size()).isEqualTo(Files.size(file));

        waitOnFx("the text view", 30, () -> textView().isPresent());
        TextSnapshotView view = textView().orElseThrow();
        assertThat(view.text()).contains(HELD_CLASS).contains("4321");
        robot.interact(() -> view.findField().setText("capturetarget$held"));
        robot.interact(() -> assertThat(view.findNext()).isTrue());
        assertThat(view.area().getSelectedText()).isEqualTo("CaptureTarget$Held");
        assertThat(page.message().getText()).contains("class histogram").contains("pid " + child.pid());

        // The notebook's artifact list says where it came from.
        Label line = (Label) installed.notebook().panel().lookup("#artifacts").lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && l.getText().contains("captured from")).findFirst().orElseThrow();
        assertThat(line.getText().replace("\u200A", "")).contains("captured from pid " + child.pid());
    }

    private Optional<TextSnapshotView> textView() {
        return window.documents().allTabs().stream().map(Tab::getContent).filter(TextSnapshotView.class::isInstance)
                .map(TextSnapshotView.class::cast).findFirst();
    }

    @Test
    void aLiveHeapDumpLandsInTheOpenCaseWithProvenanceAndOpens(FxRobot robot) throws Exception {
        robot.interact(() -> installed.notebook().newInvestigation());
        CapturePage page = pageWithChildSelected(robot);
        fire(robot, "#capture-heap-dump");
        waitOnFx("the dump in the case", 180, () -> currentCase().artifacts().size() == 1);
        Artifact a = currentCase().artifacts().getFirst();
        assertThat(a.kind()).isEqualTo("heap dump");
        assertThat(a.path()).startsWith("captures/").endsWith(".hprof");
        assertThat(a.provenance().pid()).isEqualTo(child.pid());
        assertThat(a.provenance().command()).startsWith("jcmd " + child.pid() + " GC.heap_dump").doesNotContain("-all");
        Path file = cases.resolve(a.path());
        assertThat(file).exists();
        assertThat(a.fingerprint().size()).isEqualTo(Files.size(file));
        assertThat(page.message().getText()).contains("heap dump");
        waitOnFx("the dump's tab", 60, () -> tabOf(file).isPresent());

        // Saved with the case, and exported as one line.
        assertThat(installed.notebook().flush()).isTrue();
        assertThat(Files.readString(installed.notebook().session().orElseThrow().path().orElseThrow()))
                .contains("\"provenance\"").contains("GC.heap_dump");
        assertThat(ReportExporter.export(currentCase(), ExportOptions.DEFAULT).markdown())
                .contains("- A1 captured ").contains("from pid " + child.pid() + " (" + CaptureTarget.class.getName() + ")");
    }

    @Test
    void aRecordingInProgressShowsProgressAndCancelThenOpens(FxRobot robot) throws Exception {
        robot.interact(() -> installed.notebook().newInvestigation());
        CapturePage page = pageWithChildSelected(robot);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.capture(stage.getScene(), "capture-jvms-1280-light"));
        robot.interact(() -> {
            Theme.DARK.apply();
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.capture(stage.getScene(), "capture-jvms-1024-dark"));

        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.Spinner<Integer> s = (javafx.scene.control.Spinner<Integer>) page.lookup("#capture-seconds");
            s.getValueFactory().setValue(6);
        });
        fire(robot, "#capture-record");
        Node running = page.lookup("#capture-running");
        waitOnFx("the capture's progress", 30, () -> running.isVisible()
                && ((Label) page.lookup("#capture-running-text")).getText().contains("Record"));
        assertThat(((Button) page.lookup("#capture-heap-dump")).isDisabled()).as("one capture at a time").isTrue();
        assertThat(page.lookup("#capture-cancel").isVisible()).isTrue();
        robot.interact(() -> Screenshots.capture(stage.getScene(), "capture-running-1024-dark"));
        robot.interact(() -> {
            Theme.LIGHT.apply();
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.capture(stage.getScene(), "capture-running-1280-light"));

        waitOnFx("the recording in the case", 120, () -> currentCase().artifacts().size() == 1);
        Artifact a = currentCase().artifacts().getFirst();
        assertThat(a.kind()).isEqualTo("flight recording");
        assertThat(a.provenance().command()).contains("JFR.start").contains("duration=6s");
        Path file = cases.resolve(a.path());
        waitOnFx("the recording's tab", 60, () -> tabOf(file).isPresent());
        assertThat(running.isVisible()).isFalse();
    }

    /** A recording with no end: started, saved so far (it goes on), then stopped and kept; each lands and opens. */
    @Test
    void aStartedRecordingIsSavedSoFarThenStoppedAndKept(FxRobot robot) throws Exception {
        robot.interact(() -> installed.notebook().newInvestigation());
        CapturePage page = pageWithChildSelected(robot);
        fire(robot, "#capture-record-start");
        Node recording = page.lookup("#capture-recording");
        waitOnFx("the running recording's row", 60, recording::isVisible);
        String state = ((Label) page.lookup("#capture-recording-state")).getText();
        assertThat(state).startsWith("Recording inquest-").contains("pid " + child.pid()).contains(" since ");
        assertThat(((Button) page.lookup("#capture-record-start")).isDisabled()).as("one open-ended recording at a time")
                .isTrue();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.capture(stage.getScene(), "capture-recording-1280-light"));
        Thread.sleep(2000); // some events to save

        fire(robot, "#capture-record-so-far");
        waitOnFx("what it had so far, in the case", 120, () -> currentCase().artifacts().size() == 1);
        Artifact soFar = currentCase().artifacts().getFirst();
        assertThat(soFar.kind()).isEqualTo("flight recording");
        assertThat(soFar.provenance().command()).contains("JFR.dump").contains(state.split(" ")[1]);
        Path soFarFile = cases.resolve(soFar.path());
        waitOnFx("its tab", 60, () -> tabOf(soFarFile).isPresent());
        assertThat(recording.isVisible()).as("it goes on recording").isTrue();

        robot.interact(() -> installed.captures().page().orElseThrow().select(child.pid()));
        fire(robot, "#capture-record-stop");
        waitOnFx("the whole recording, in the case", 120, () -> currentCase().artifacts().size() == 2);
        Artifact all = currentCase().artifacts().get(1);
        assertThat(all.provenance().command()).contains("JFR.stop");
        Path allFile = cases.resolve(all.path());
        waitOnFx("its tab", 60, () -> tabOf(allFile).isPresent());
        assertThat(recording.isVisible()).isFalse();
        assertThat(Files.size(allFile)).isGreaterThan(0);
        try (dev.inquest.jfr.Recording r = dev.inquest.jfr.Recording.open(allFile, dev.inquest.progress.Progress.NONE)) {
            assertThat(r.summary(dev.inquest.progress.Progress.NONE).events()).isPositive();
        }
    }

    @Test
    void aBaselineAndASecondDumpOpenComparedWithEachOther(FxRobot robot) throws Exception {
        robot.interact(() -> installed.notebook().newInvestigation());
        CapturePage page = pageWithChildSelected(robot);
        fire(robot, "#capture-baseline");
        waitOnFx("the baseline in the case", 180, () -> currentCase().artifacts().size() == 1);
        Path baseline = cases.resolve(currentCase().artifacts().getFirst().path());
        Node second = page.lookup("#capture-second-now");
        waitOnFx("the wait for the second dump", 30, second::isVisible);
        assertThat(((Label) page.lookup("#capture-baseline-state")).getText()).contains(baseline.getFileName().toString())
                .contains("the second dump at");
        assertThat(tabOf(baseline)).as("the baseline is kept, not opened").isEmpty();

        fire(robot, "#capture-second-now");
        waitOnFx("the second dump in the case", 180, () -> currentCase().artifacts().size() == 2);
        Artifact after = currentCase().artifacts().get(1);
        assertThat(after.kind()).isEqualTo("heap dump");
        Path afterFile = cases.resolve(after.path());
        assertThat(afterFile).isNotEqualTo(baseline);
        assertThat(second.isVisible()).isFalse();
        waitOnFx("the second dump compared with the baseline", 180, () -> tabOf(afterFile)
                .map(dev.inquest.ui.heap.HeapViews::documentOf)
                .flatMap(doc -> doc.baseline())
                .filter(b -> b.file().equals(baseline)).isPresent());
    }

    @Test
    void aRemoteJvmOverJmxGivesAThreadDumpIntoTheCaseAndSaysWhereAHeapDumpWouldGo(FxRobot robot) throws Exception {
        robot.interact(() -> installed.notebook().newInvestigation());
        robot.interact(() -> ((Button) window.root().lookup("#welcome-capture")).fire());
        CapturePage page = installed.captures().page().orElseThrow();
        robot.interact(() -> {
            ((javafx.scene.control.CheckBox) page.lookup("#capture-use-remote")).setSelected(true);
            ((javafx.scene.control.TextField) page.lookup("#capture-jmx")).setText("127.0.0.1:" + port);
        });
        fire(robot, "#capture-heap-dump");
        assertThat(page.message().getText()).contains("127.0.0.1:" + port).contains("written on the JVM's own machine")
                .contains("inquest jvm dump --jmx");
        assertThat(currentCase().artifacts()).isEmpty();

        fire(robot, "#capture-threads");
        waitOnFx("the remote thread dump in the case", 120, () -> currentCase().artifacts().size() == 1);
        Artifact a = currentCase().artifacts().getFirst();
        assertThat(a.kind()).isEqualTo("thread dump");
        assertThat(a.provenance().jmx()).isEqualTo("127.0.0.1:" + port);
        assertThat(a.provenance().pid()).isEqualTo(child.pid());
        assertThat(a.provenance().command()).contains("Thread.print");
        waitOnFx("the text view", 30, () -> textView().isPresent());
        assertThat(textView().orElseThrow().text()).contains(CaptureTarget.WORKER);
    }
}
