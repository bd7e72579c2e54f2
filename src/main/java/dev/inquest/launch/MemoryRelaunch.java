package dev.inquest.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives the window the share of physical memory the user chose in Settings. A JVM cannot grow
 * its maximum heap once started, so when the choice differs from what this JVM got (the
 * installer's launcher passes {@code -XX:MaxRAMPercentage=70}), Main starts the window once
 * more in a child JVM with the user's option and exits with the child's code.
 *
 * <p>Only the window relaunches: command-line analyses run with whatever the caller gave them,
 * and {@code -Dinquest.relaunched=true} stops a second hop. An explicit {@code -Xmx} on the
 * command line is the caller's decision and is left alone.
 */
public final class MemoryRelaunch {
    /** The settings key: a whole percentage of physical memory. */
    public static final String SETTING = "jvm.maxRamPercent";
    public static final String RELAUNCHED = "inquest.relaunched";
    public static final int MIN_PERCENT = 10;
    public static final int MAX_PERCENT = 90;

    private static final String OPTION = "-XX:MaxRAMPercentage=";

    private MemoryRelaunch() {
    }

    /** The setting as a valid percentage, or empty when unset or out of range (a hand-edited file). */
    public static Optional<Integer> parse(String setting) {
        if (setting == null) {
            return Optional.empty();
        }
        try {
            int v = Integer.parseInt(setting.strip());
            return v >= MIN_PERCENT && v <= MAX_PERCENT ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The JVM options for the child, or empty when this JVM should carry on.
     *
     * @param opensWindow    whether these arguments open the window (CLI subcommands never relaunch)
     * @param relaunched     whether this JVM is already the child
     * @param wanted         the user's setting, see {@link #parse}
     * @param currentPercent this JVM's effective MaxRAMPercentage
     * @param jvmOptions     this JVM's own options, passed on to the child minus the heap limits
     */
    public static Optional<List<String>> plan(boolean opensWindow, boolean relaunched, Optional<Integer> wanted,
                                              double currentPercent, List<String> jvmOptions) {
        if (!opensWindow || relaunched || wanted.isEmpty() || wanted.get() == currentPercent) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (String o : jvmOptions) {
            if (o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize=")) {
                return Optional.empty();
            }
            if (!o.startsWith(OPTION) && !o.startsWith("-D" + RELAUNCHED)) {
                out.add(o);
            }
        }
        out.add(OPTION + wanted.get());
        out.add("-D" + RELAUNCHED + "=true");
        return Optional.of(out);
    }

    /** The child's full command: this JVM's java and class path, the options, Main and the arguments. */
    public static List<String> command(Path java, List<String> options, String classPath, String mainClass,
                                       List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Relaunches when {@link #plan} says so and returns the child's exit code; empty when this JVM
     * should carry on (no setting, same value, no {@code java} in this runtime, or it failed to start).
     */
    public static Optional<Integer> relaunchIfWanted(boolean opensWindow, String setting, String mainClass,
                                                     String[] args) {
        Optional<Integer> wanted = parse(setting);
        boolean relaunched = Boolean.getBoolean(RELAUNCHED);
        if (!opensWindow || relaunched || wanted.isEmpty()) {
            return Optional.empty(); // before touching the management beans: they cost startup time
        }
        Optional<List<String>> options = plan(true, false, wanted, currentPercent(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        if (options.isEmpty() || !Files.isExecutable(java)) {
            return Optional.empty();
        }
        List<String> cmd = command(java, options.get(), System.getProperty("java.class.path"), mainClass,
                List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            // Whoever stops this launcher (a desktop session ending, kill) means the window too.
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "inquest-relaunch-stop"));
            return Optional.of(p.waitFor());
        } catch (IOException e) {
            System.err.println("inquest: could not restart with " + wanted.get() + " % of memory (" + e.getMessage()
                    + "); carrying on with the current limit");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /** This JVM's effective MaxRAMPercentage (25 unless someone set it). */
    public static double currentPercent() {
        var mx = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        try {
            return Double.parseDouble(mx.getVMOption("MaxRAMPercentage").getValue());
        } catch (IllegalArgumentException e) {
            return -1; // not HotSpot: relaunching would not help either
        }
    }
}
