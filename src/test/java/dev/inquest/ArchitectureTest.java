package dev.inquest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layers, the engines' doors and the absence of package cycles, as tests. ARCHITECTURE.md
 * describes the same rules; module-info.java names the exported (door) packages.
 *
 * <p>Each rule is checked twice: on the main code, where it must hold, and on the main code plus a
 * small fixture compiled here that breaks it on purpose, where it must fail. A rule that cannot
 * fail would pass for the wrong reason (a package renamed, an import option that skips
 * everything), so the second check is what makes the first one mean something.
 */
class ArchitectureTest {
    /** The engines: plain Java, no faces, no JavaFX. */
    static final String[] ENGINES = {
            "dev.inquest.heap..", "dev.inquest.jfr..", "dev.inquest.investigation..", "dev.inquest.capture..",
            "dev.inquest.progress..", "dev.inquest.input..", "dev.inquest.format..", "dev.inquest.concurrent.."};

    /** The heap engine's internals: only the heap engine itself may use them. */
    static final String[] HEAP_INTERNALS = {
            "dev.inquest.heap.index..", "dev.inquest.heap.graph..", "dev.inquest.heap.hprof..", "dev.inquest.heap.store..",
            "dev.inquest.heap.oql.."};

    static final ArchRule ENGINES_IMPORT_NO_FACE = noClasses().that().resideInAnyPackage(ENGINES)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.inquest.ui..", "dev.inquest.cli..", "dev.inquest.link..", "dev.inquest.demo..",
                    "dev.inquest.launch..", "javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..", "picocli..")
            .as("engine packages (heap, jfr, investigation, capture and the shared kernel) import no face, no link and no JavaFX");

    static final ArchRule LINK_IMPORTS_NO_FACE = noClasses().that().resideInAPackage("dev.inquest.link..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.inquest.ui..", "dev.inquest.cli..", "javafx..", "picocli..")
            .as("the link imports no face and no JavaFX");

    static final ArchRule HEAP_INTERNALS_STAY_INSIDE = noClasses().that().resideOutsideOfPackage("dev.inquest.heap..")
            .should().dependOnClassesThat().resideInAnyPackage(HEAP_INTERNALS)
            .as("only the heap engine uses its index, graph, file access and stores; the others go through heap.model and heap.query");

    static final ArchRule RECORDING_INTERNALS_STAY_INSIDE = noClasses().that().resideOutsideOfPackage("dev.inquest.jfr..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.inquest.jfr.load..", "dev.inquest.jfr.read..")
            .as("only the recording engine uses its chunk access and event readers; the others go through jfr.Recording");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.inquest.(**)")
            .should().beFreeOfCycles()
            .as("no package cycle anywhere in the main code");

    // The window (dev.inquest.ui), in layers; each may import only the ones below it:
    //   root      dev.inquest.ui (InquestApp and Views: the composition root; Training)
    //   bridge    ui.link (the jumps between heap dumps and recordings)
    //   views     ui.heap.<view>, each on its own, through ui.heap's HeapContext
    //   documents ui.heap (document, context, shared cells), ui.jfr, ui.notebook
    //   shell     ui.shell (window, tabs, layouts), ui.welcome, ui.settings
    //   base      ui.view (view contracts), ui.common, ui.task, ui.flame, ui.debug

    /** The packages that show one kind of document; none of them may know another. */
    static final String[] DOCUMENT_PACKAGES = {"dev.inquest.ui.heap..", "dev.inquest.ui.jfr..", "dev.inquest.ui.notebook.."};

    static final ArchRule HEAP_VIEWS_ARE_INDEPENDENT = slices().matching("dev.inquest.ui.heap.(*)..")
            .should().notDependOnEachOther()
            .as("no heap view package (ui.heap.<view>) imports another");

    static final ArchRule HEAP_VIEWS_SEE_ONLY_THEIR_CONTEXT = noClasses().that().resideInAnyPackage("dev.inquest.ui.heap.*..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.inquest.ui", "dev.inquest.ui.link..",
                    "dev.inquest.ui.shell..", "dev.inquest.ui.jfr..", "dev.inquest.ui.notebook..",
                    "dev.inquest.ui.welcome..", "dev.inquest.ui.settings..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.inquest.ui.heap.HeapDocument")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.inquest.ui.heap.HeapViews")
            .as("a heap view reaches the world through HeapContext: not the document, not the window");

    static final ArchRule HEAP_DOCUMENT_NAMES_NO_VIEW = noClasses().that().resideInAPackage("dev.inquest.ui.heap")
            .should().dependOnClassesThat().resideInAnyPackage("dev.inquest.ui.heap.*..")
            .as("the heap document names no view class: the composition root registers them (HeapViewSet)");

    static final ArchRule DOCUMENTS_ARE_INDEPENDENT = slices().assignedFrom(new com.tngtech.archunit.library.dependencies.SliceAssignment() {
                @Override
                public com.tngtech.archunit.library.dependencies.SliceIdentifier getIdentifierOf(com.tngtech.archunit.core.domain.JavaClass c) {
                    for (String document : DOCUMENT_PACKAGES) {
                        String pkg = document.substring(0, document.length() - 2);
                        if (c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".")) {
                            return com.tngtech.archunit.library.dependencies.SliceIdentifier.of(pkg);
                        }
                    }
                    return com.tngtech.archunit.library.dependencies.SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "document packages";
                }
            })
            .should().notDependOnEachOther()
            .as("the document packages (ui.heap, ui.jfr, ui.notebook) do not import each other");

    static final ArchRule NOTHING_BELOW_KNOWS_WHAT_IS_ABOVE = noClasses().that().resideInAnyPackage(
                    "dev.inquest.ui.view..", "dev.inquest.ui.common..", "dev.inquest.ui.task..", "dev.inquest.ui.flame..",
                    "dev.inquest.ui.debug..", "dev.inquest.ui.shell..", "dev.inquest.ui.welcome..", "dev.inquest.ui.settings..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.inquest.ui", "dev.inquest.ui.link..",
                    "dev.inquest.ui.heap..", "dev.inquest.ui.jfr..", "dev.inquest.ui.notebook..")
            .as("the shell and the base packages import no document, no view, no bridge and not the composition root");

    static final ArchRule ONLY_THE_ROOT_WIRES = noClasses().that().resideOutsideOfPackage("dev.inquest.ui")
            .and().resideOutsideOfPackage("dev.inquest.ui.link..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.inquest.ui", "dev.inquest.ui.link..")
            .as("only the composition root (dev.inquest.ui) knows the bridge (ui.link), and nothing imports the root");

    static final List<ArchRule> RULES = List.of(
            ENGINES_IMPORT_NO_FACE, LINK_IMPORTS_NO_FACE, HEAP_INTERNALS_STAY_INSIDE, RECORDING_INTERNALS_STAY_INSIDE,
            NO_PACKAGE_CYCLES, HEAP_VIEWS_ARE_INDEPENDENT, HEAP_VIEWS_SEE_ONLY_THEIR_CONTEXT, HEAP_DOCUMENT_NAMES_NO_VIEW,
            DOCUMENTS_ARE_INDEPENDENT, NOTHING_BELOW_KNOWS_WHAT_IS_ABOVE, ONLY_THE_ROOT_WIRES);

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().importPath(mainClasses());
        // An import that found nothing would make every rule pass.
        assertThat(main.size()).as("main classes imported").isGreaterThan(300);
    }

    @Test
    void enginesImportNoFace() {
        ENGINES_IMPORT_NO_FACE.check(main);
    }

    @Test
    void linkImportsNoFace() {
        LINK_IMPORTS_NO_FACE.check(main);
    }

    @Test
    void heapInternalsStayInsideTheHeapEngine() {
        HEAP_INTERNALS_STAY_INSIDE.check(main);
    }

    @Test
    void recordingInternalsStayInsideTheRecordingEngine() {
        RECORDING_INTERNALS_STAY_INSIDE.check(main);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(main);
    }

    @Test
    void heapViewsAreIndependent() {
        HEAP_VIEWS_ARE_INDEPENDENT.check(main);
    }

    @Test
    void heapViewsSeeOnlyTheirContext() {
        HEAP_VIEWS_SEE_ONLY_THEIR_CONTEXT.check(main);
    }

    @Test
    void heapDocumentNamesNoView() {
        HEAP_DOCUMENT_NAMES_NO_VIEW.check(main);
    }

    @Test
    void documentsAreIndependent() {
        DOCUMENTS_ARE_INDEPENDENT.check(main);
    }

    @Test
    void nothingBelowKnowsWhatIsAbove() {
        NOTHING_BELOW_KNOWS_WHAT_IS_ABOVE.check(main);
    }

    @Test
    void onlyTheRootWires() {
        ONLY_THE_ROOT_WIRES.check(main);
    }

    /** A fixture that breaks one rule, and the class the rule must name when it fails. */
    record Violation(ArchRule rule, String culprit, Map<String, String> sources) {
    }

    /** Each rule fails on the main code plus a fixture written to break it. */
    @Test
    void everyRuleFailsOnADeliberateViolation(@TempDir Path dir) throws IOException {
        List<Violation> violations = List.of(
                new Violation(ENGINES_IMPORT_NO_FACE, "dev.inquest.heap.query.UsesJavaFx", Map.of(
                        "dev/inquest/heap/query/UsesJavaFx.java", """
                                package dev.inquest.heap.query;
                                public class UsesJavaFx { javafx.scene.control.Label label; }
                                """)),
                new Violation(LINK_IMPORTS_NO_FACE, "dev.inquest.link.UsesCli", Map.of(
                        "dev/inquest/link/UsesCli.java", """
                                package dev.inquest.link;
                                public class UsesCli { dev.inquest.cli.InquestCommand command; }
                                """)),
                new Violation(HEAP_INTERNALS_STAY_INSIDE, "dev.inquest.cli.UsesHeapIndex", Map.of(
                        "dev/inquest/cli/UsesHeapIndex.java", """
                                package dev.inquest.cli;
                                public class UsesHeapIndex { dev.inquest.heap.index.HeapIndex index; }
                                """)),
                new Violation(RECORDING_INTERNALS_STAY_INSIDE, "dev.inquest.ui.jfr.UsesChunkReader", Map.of(
                        "dev/inquest/ui/jfr/UsesChunkReader.java", """
                                package dev.inquest.ui.jfr;
                                public class UsesChunkReader { dev.inquest.jfr.read.StackTreeReader reader; }
                                """)),
                new Violation(NO_PACKAGE_CYCLES, "dev.inquest.fixture.a.A", Map.of(
                        "dev/inquest/fixture/a/A.java", """
                                package dev.inquest.fixture.a;
                                public class A { dev.inquest.fixture.b.B b; }
                                """,
                        "dev/inquest/fixture/b/B.java", """
                                package dev.inquest.fixture.b;
                                public class B { dev.inquest.fixture.a.A a; }
                                """)),
                new Violation(HEAP_VIEWS_ARE_INDEPENDENT, "dev.inquest.ui.heap.paths.UsesHistogram", Map.of(
                        "dev/inquest/ui/heap/paths/UsesHistogram.java", """
                                package dev.inquest.ui.heap.paths;
                                public class UsesHistogram { dev.inquest.ui.heap.histogram.HistogramView view; }
                                """)),
                new Violation(HEAP_VIEWS_SEE_ONLY_THEIR_CONTEXT, "dev.inquest.ui.heap.tables.UsesDocument", Map.of(
                        "dev/inquest/ui/heap/tables/UsesDocument.java", """
                                package dev.inquest.ui.heap.tables;
                                public class UsesDocument { dev.inquest.ui.heap.HeapDocument doc; }
                                """)),
                new Violation(HEAP_DOCUMENT_NAMES_NO_VIEW, "dev.inquest.ui.heap.NamesAView", Map.of(
                        "dev/inquest/ui/heap/NamesAView.java", """
                                package dev.inquest.ui.heap;
                                public class NamesAView { dev.inquest.ui.heap.overview.OverviewView view; }
                                """)),
                new Violation(DOCUMENTS_ARE_INDEPENDENT, "dev.inquest.ui.jfr.UsesNotebook", Map.of(
                        "dev/inquest/ui/jfr/UsesNotebook.java", """
                                package dev.inquest.ui.jfr;
                                public class UsesNotebook { dev.inquest.ui.notebook.Notebook notebook; }
                                """)),
                new Violation(NOTHING_BELOW_KNOWS_WHAT_IS_ABOVE, "dev.inquest.ui.shell.UsesHeap", Map.of(
                        "dev/inquest/ui/shell/UsesHeap.java", """
                                package dev.inquest.ui.shell;
                                public class UsesHeap { dev.inquest.ui.heap.HeapDocument doc; }
                                """)),
                new Violation(ONLY_THE_ROOT_WIRES, "dev.inquest.ui.notebook.UsesLinks", Map.of(
                        "dev/inquest/ui/notebook/UsesLinks.java", """
                                package dev.inquest.ui.notebook;
                                public class UsesLinks { dev.inquest.ui.link.CrossLinks links; }
                                """)));
        assertThat(violations).extracting(Violation::rule).containsExactlyInAnyOrderElementsOf(RULES);
        // One compile and one import for all fixtures (javac with this class path takes seconds);
        // each rule must then name its own fixture's class.
        Map<String, String> sources = new HashMap<>();
        violations.forEach(v -> sources.putAll(v.sources()));
        JavaClasses withViolations = new ClassFileImporter().importPaths(mainClasses(), compile(dir, sources));
        for (Violation v : violations) {
            assertThatThrownBy(() -> v.rule().check(withViolations))
                    .as(v.rule().getDescription())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(v.culprit());
        }
    }

    private static Path mainClasses() {
        // Surefire runs from the module folder; the rules read the compiled main code, not the tests.
        Path classes = Path.of("target", "classes");
        assertThat(classes.resolve("dev/inquest/Main.class")).exists();
        return classes;
    }

    /** Compiles the fixture sources against the main classes and JavaFX (the test class path). */
    private static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(),
                "-cp", System.getProperty("java.class.path"), "-proc:none", "-Xlint:none"));
        for (var source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        assertThat(rc).as("fixture compiles").isZero();
        return out;
    }
}
