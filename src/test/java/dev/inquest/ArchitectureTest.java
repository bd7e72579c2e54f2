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
            "dev.inquest.heap..", "dev.inquest.jfr..", "dev.inquest.investigation..",
            "dev.inquest.progress..", "dev.inquest.input..", "dev.inquest.format..", "dev.inquest.concurrent.."};

    /** The heap engine's internals: only the heap engine itself may use them. */
    static final String[] HEAP_INTERNALS = {
            "dev.inquest.heap.index..", "dev.inquest.heap.graph..", "dev.inquest.heap.hprof..", "dev.inquest.heap.store.."};

    static final ArchRule ENGINES_IMPORT_NO_FACE = noClasses().that().resideInAnyPackage(ENGINES)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.inquest.ui..", "dev.inquest.cli..", "dev.inquest.link..", "dev.inquest.demo..",
                    "dev.inquest.launch..", "javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..", "picocli..")
            .as("engine packages (heap, jfr, investigation and the shared kernel) import no face, no link and no JavaFX");

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

    static final List<ArchRule> RULES = List.of(
            ENGINES_IMPORT_NO_FACE, LINK_IMPORTS_NO_FACE, HEAP_INTERNALS_STAY_INSIDE, RECORDING_INTERNALS_STAY_INSIDE,
            NO_PACKAGE_CYCLES);

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
    @org.junit.jupiter.api.Disabled("issue 15: enabled when the window's cycles are gone")
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(main);
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
                                """)));
        assertThat(violations).extracting(Violation::rule).containsExactlyInAnyOrderElementsOf(RULES);
        // One compile and one import for all fixtures (javac with this class path takes seconds);
        // each rule must then name its own fixture's class.
        Map<String, String> sources = new java.util.HashMap<>();
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
