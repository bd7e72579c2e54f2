/**
 * Inquest: one application module, three engines and two faces.
 *
 * <p>The exports are the engines' doors: the records and query objects the window and the command
 * line may use. Everything not exported (the heap's file access, index, graph algorithms and
 * off-heap stores; the recording's chunk access and event readers; the faces themselves) is
 * internal. Inside one module the compiler cannot stop one package from importing another, so the
 * same rules are also tests: {@code dev.inquest.ArchitectureTest} fails when a face reaches past a
 * door, an engine imports a face or JavaFX, or any package cycle appears.
 *
 * <p>The shipped jar runs on the class path (the shaded jar drops this descriptor, as it does the
 * libraries'), so the {@code opens} below are for running the module on a module path
 * ({@code ./mvnw javafx:run}): picocli and Jackson reflect over the command and record classes.
 */
module dev.inquest {
    requires java.desktop;
    requires java.management;
    requires jdk.management;
    requires jdk.jfr;
    requires jdk.attach;
    requires jdk.management.jfr;
    requires java.management.rmi;
    requires java.rmi;

    requires javafx.controls;
    requires javafx.swing;
    requires org.controlsfx.controls;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.materialdesign2;
    requires atlantafx.base;

    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.commonmark;
    requires org.commonmark.ext.gfm.tables;

    // Shared kernel: progress and cancellation, input detection and its failure, units.
    exports dev.inquest.progress;
    exports dev.inquest.input;
    exports dev.inquest.format;

    // The heap engine's door: HeapDump and its records, the queries over it, GcRootKind and the memory budget.
    exports dev.inquest.heap;
    exports dev.inquest.heap.model;
    exports dev.inquest.heap.query;

    // The recording engine's door: Recording and the records its queries answer with.
    exports dev.inquest.jfr;
    exports dev.inquest.jfr.stack;
    exports dev.inquest.jfr.summary;
    exports dev.inquest.jfr.alloc;
    exports dev.inquest.jfr.heap;
    exports dev.inquest.jfr.nativemem;
    exports dev.inquest.jfr.oldobj;
    exports dev.inquest.jfr.diff;
    exports dev.inquest.jfr.render;
    exports dev.inquest.jfr.rules;
    exports dev.inquest.jfr.events;

    // The case: its model, the session that edits it, its Markdown export and import.
    exports dev.inquest.investigation.model;
    exports dev.inquest.investigation.session;
    exports dev.inquest.investigation.export;
    exports dev.inquest.investigation.importer;
    exports dev.inquest.investigation.artifact;
    exports dev.inquest.investigation.store;

    // Capture from running JVMs: Jvms, JvmConnection and the records they answer with.
    exports dev.inquest.capture;

    // The link between a heap dump and a recording.
    exports dev.inquest.link;

    // JavaFX instantiates the application class; picocli and Jackson reflect.
    exports dev.inquest.ui to javafx.graphics;
    opens dev.inquest.cli to info.picocli, com.fasterxml.jackson.databind;
    opens dev.inquest.investigation.model to com.fasterxml.jackson.databind;
    opens dev.inquest.investigation.store to com.fasterxml.jackson.databind;
    opens dev.inquest.heap.model to com.fasterxml.jackson.databind;
    opens dev.inquest.heap.query to com.fasterxml.jackson.databind;
    opens dev.inquest.jfr.summary to com.fasterxml.jackson.databind;
    opens dev.inquest.jfr.stack to com.fasterxml.jackson.databind;
    opens dev.inquest.jfr.rules to com.fasterxml.jackson.databind;
    opens dev.inquest.jfr.events to com.fasterxml.jackson.databind;
    opens dev.inquest.ui.shell to com.fasterxml.jackson.databind;
}
