package dev.inquest.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Keeps a short command-line run on the C1 compiler. Reading a recording runs a lot of the JDK's
 * JFR parser for a few seconds; C2 spends more CPU optimising that code than the optimised code
 * then saves (measured on the 250 MB benchmark recording: 3.1 s of CPU with C2, 2.0 s with C1
 * only). A compiler directive (the supported, documented mechanism, as {@code jcmd PID
 * Compiler.directives_add} uses) excludes C2 for this process, but for one small loop of ours
 * (see {@link #DIRECTIVE}). The window, which lives long, never calls this, and neither do runs
 * over more than {@value #MAX_INPUT_BYTES} bytes of input, long enough for C2 to pay off.
 * {@code -Dinquest.c2=true} turns it off.
 */
final class ShortRunJit {
    static final long MAX_INPUT_BYTES = 1L << 30;

    /** The {@code jfr} subcommands that call {@link #applyFor}. */
    static final java.util.Set<String> JFR_COMMANDS = java.util.Set.of("flame", "diff", "rules");

    /**
     * The directive: C1 for everything but the one loop that checks every event's fields against
     * its size (a few instructions per byte of the recording), where C2's code is several times
     * faster and costs one small compilation.
     */
    static final String DIRECTIVE = "[{ match: \"dev/inquest/jfr/load/ChunkFilter$Metadata.endsAfterVarints\","
            + " c2: { Exclude: false } }, { match: \"*.*\", c2: { Exclude: true } }]";

    private static final Object LOCK = new Object();
    /** Whether {@link #prepare}'s thread is still building the MBean server. Guarded by LOCK. */
    private static boolean preparing;
    /** Whether {@link #apply} asked for the directive while it was. Guarded by LOCK. */
    private static boolean wanted;
    /** The server it built, null when none (not Inquest's own process, or it failed). Guarded by LOCK. */
    private static MBeanServer ready;

    private ShortRunJit() {
    }

    /** The server {@link #prepare} built, for tests. */
    static MBeanServer ready() {
        synchronized (LOCK) {
            return ready;
        }
    }

    /**
     * Starts building the platform MBean server on a daemon thread when {@code args} name a
     * command that will call {@link #applyFor} and the directive cannot be added {@link Direct
     * directly}. Building it takes about 0.2 s of CPU (it describes every diagnostic command of the
     * JVM, the JFR ones by parsing their settings files), 12 % of the allocation flame graph's whole
     * run when done in line. Done here, it overlaps the command line's start, and the command never
     * waits for it: {@link #apply} leaves the directive to this thread if the server is not built
     * yet. Only a head start: {@link #applyFor} still decides from the real inputs whether the
     * directive applies.
     */
    static void prepare(String[] args) {
        if (args.length < 2 || !"jfr".equals(args[0]) || !JFR_COMMANDS.contains(args[1])
                || Boolean.getBoolean("inquest.c2") || Direct.AVAILABLE) {
            return;
        }
        synchronized (LOCK) {
            preparing = true;
        }
        Thread t = new Thread(() -> {
            MBeanServer built = null;
            try {
                built = ownProcess() ? ManagementFactory.getPlatformMBeanServer() : null;
            } catch (RuntimeException | LinkageError e) {
                // Only a speed hint: without the server the JIT stays as it is.
            }
            boolean add;
            synchronized (LOCK) {
                preparing = false;
                ready = built;
                add = wanted;
            }
            if (add && built != null) {
                addDirective(built);
            }
        }, "inquest-jit");
        t.setDaemon(true);
        t.start();
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
        if (Boolean.getBoolean("inquest.c2")) {
            return;
        }
        if (Direct.AVAILABLE && ownProcess() && Direct.add()) {
            return;
        }
        MBeanServer mbeans;
        synchronized (LOCK) {
            if (preparing) {
                wanted = true; // added by prepare's thread once its server is built
                return;
            }
            mbeans = ready;
        }
        try {
            if (mbeans == null) {
                if (!ownProcess()) {
                    return;
                }
                mbeans = ManagementFactory.getPlatformMBeanServer();
            }
        } catch (RuntimeException | LinkageError e) {
            return; // only a speed hint
        }
        addDirective(mbeans);
    }

    /**
     * The diagnostic command behind the MBean, called without building the MBean server (0.2 s of
     * CPU against well under a millisecond): the jar's manifest opens the JDK's internal
     * {@code com.sun.management.internal} package to Inquest for this ({@code Add-Opens}). Not
     * available when Inquest runs without that manifest (on a class path, or from a launcher that
     * does not read it), or on a JDK whose internals differ: then the MBean server, with its head start.
     */
    static final class Direct {
        private static final String IMPL = "com.sun.management.internal.DiagnosticCommandImpl";
        private static final java.lang.reflect.Method GET;
        private static final java.lang.reflect.Method EXECUTE;
        static final boolean AVAILABLE;

        static {
            java.lang.reflect.Method get = null;
            java.lang.reflect.Method execute = null;
            try {
                Class<?> c = Class.forName(IMPL);
                get = c.getDeclaredMethod("getDiagnosticCommandMBean");
                execute = c.getDeclaredMethod("executeDiagnosticCommand", String.class);
                if (!get.trySetAccessible() || !execute.trySetAccessible()) {
                    get = null;
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                get = null;
            }
            GET = get;
            EXECUTE = execute;
            AVAILABLE = get != null;
        }

        private Direct() {
        }

        /** Adds {@link #DIRECTIVE}; false when it could not (the caller goes through the MBean server). */
        static boolean add() {
            try {
                // Its static initialiser loads the native library the command's method lives in.
                Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl", true,
                        ShortRunJit.class.getClassLoader());
                Object impl = GET.invoke(null);
                if (impl == null) {
                    return false; // this JVM offers no diagnostic commands to Java code
                }
                Path directives = Files.createTempFile("inquest-jit", ".json");
                try {
                    Files.writeString(directives, DIRECTIVE);
                    EXECUTE.invoke(impl, "Compiler.directives_add \"" + directives + "\"");
                    return true;
                } finally {
                    Files.deleteIfExists(directives);
                }
            } catch (Exception | LinkageError e) {
                return false;
            }
        }
    }

    private static void addDirective(MBeanServer mbeans) {
        try {
            Path directives = Files.createTempFile("inquest-jit", ".json");
            try {
                Files.writeString(directives, DIRECTIVE);
                mbeans.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()});
            } finally {
                Files.deleteIfExists(directives);
            }
        } catch (Exception | LinkageError e) {
            // Only a speed hint: a JVM without the diagnostic command MBean runs with C2 as usual.
        }
    }
}
