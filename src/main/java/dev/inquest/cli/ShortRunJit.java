package dev.inquest.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Keeps a short command-line run on the C1 compiler. Reading a recording runs a lot of the JDK's
 * JFR parser for a few seconds; C2 spends more CPU optimising that code than the optimised code
 * then saves (measured on the 250 MB benchmark recording: 3.1 s of CPU with C2, 2.0 s with C1
 * only). A compiler directive (the supported, documented mechanism, as {@code jcmd PID
 * Compiler.directives_add} uses) excludes C2 for this process. The window, which lives long, never
 * calls this, and neither do runs over more than {@value #MAX_INPUT_BYTES} bytes of input, long
 * enough for C2 to pay off. {@code -Dinquest.c2=true} turns it off.
 */
final class ShortRunJit {
    static final long MAX_INPUT_BYTES = 1L << 30;

    private ShortRunJit() {
    }

    /**
     * True when this JVM was started for Inquest's command line ({@code dev.inquest.Main}, directly
     * or as the jar's main class). A directive is process-wide: inside a test runner or an
     * application embedding the CLI it would slow everything else down.
     */
    static boolean ownProcess() {
        String command = System.getProperty("sun.java.command", "").strip();
        String first = command.isEmpty() ? "" : command.split("\\s+")[0];
        if (first.equals("dev.inquest.Main")) {
            return true;
        }
        if (!first.endsWith(".jar")) {
            return false;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(first)) {
            java.util.jar.Manifest m = jar.getManifest();
            return m != null && "dev.inquest.Main".equals(m.getMainAttributes().getValue("Main-Class"));
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    /** Applies the directive when the inputs together are small enough for a short run. */
    static void applyFor(Path... inputs) {
        long total = 0;
        for (Path p : inputs) {
            try {
                total += Files.size(p);
            } catch (java.io.IOException e) {
                return; // the command reports the missing file itself
            }
        }
        if (total <= MAX_INPUT_BYTES) {
            apply();
        }
    }

    static void apply() {
        if (Boolean.getBoolean("inquest.c2") || !ownProcess()) {
            return;
        }
        try {
            Path directives = Files.createTempFile("inquest-jit", ".json");
            try {
                Files.writeString(directives, "[{ match: \"*.*\", c2: { Exclude: true } }]");
                ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()});
            } finally {
                Files.deleteIfExists(directives);
            }
        } catch (Exception | LinkageError e) {
            // Only a speed hint: a JVM without the diagnostic command MBean runs with C2 as usual.
        }
    }
}
