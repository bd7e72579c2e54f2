import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Trains the app image's ahead-of-time cache (JDK 25, JEP 514/515) and tells its launcher to
 * use it: the window then appears in 1.4 s instead of 2.4 s. Runs the image's own launcher once
 * in training mode ({@code -Dinquest.train=true}: the window on JavaFX's Headless platform, the
 * command line's model, a heap dump and a recording of itself opened and every view shown, then
 * it quits) with {@code -XX:AOTCacheOutput} writing {@code inquest.aot} into the app folder, then adds
 * {@code -XX:AOTCache=$APPDIR/inquest.aot} to the launcher's configuration.
 *
 * <p>A failed training leaves the image as it was, slower to start but whole: the option is
 * only added once the cache exists, because a JVM told to use a missing cache prints errors.
 * {@code AppImageIT} checks that the launcher maps the cache.
 *
 * <pre>java installer/AotTraining.java APP_IMAGE SETTINGS_DIR</pre>
 */
public class AotTraining {
    private static final String OPTION = "java-options=-XX:AOTCache=$APPDIR/inquest.aot";

    public static void main(String[] args) throws Exception {
        Path image = Path.of(args[0]);
        Path settings = Path.of(args[1]);
        Path launcher = Stream.of(image.resolve("bin/Inquest"), image.resolve("Inquest.exe"), image.resolve("Contents/MacOS/Inquest"))
                .filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException("no launcher in " + image));
        Path cfg;
        try (Stream<Path> files = Files.walk(image)) {
            cfg = files.filter(p -> p.getFileName().toString().equals("Inquest.cfg")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Inquest.cfg in " + image));
        }
        Path appDir = cfg.getParent();
        Path cache = appDir.resolve("inquest.aot");
        Files.deleteIfExists(cache);

        ProcessBuilder pb = new ProcessBuilder(launcher.toString()).directory(appDir.toFile()).inheritIO();
        // Relative to the working folder: JAVA_TOOL_OPTIONS splits on spaces, and paths may have some.
        // -AOTRecordTraining: the cache keeps the loaded and linked classes (JEP 483, the start-up
        // gain) but not the run's method profiles (JEP 515). Profiles of the training's small dump
        // made a real first open slower: the 1.1 GB dump's took 8.1-8.7 s with them against 6.9-7.9 s
        // without, in the window and on the command line alike, for no faster start
        // (bench/heap/window-open.sh --shipped, issue 18).
        pb.environment().put("JAVA_TOOL_OPTIONS",
                "-XX:AOTCacheOutput=inquest.aot -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:-AOTAdapterCaching"
                        + " -Dinquest.train=true -Dglass.platform=Headless -Dprism.order=sw");
        // The training run must not touch the builder's own settings and recent files.
        pb.environment().put("XDG_CONFIG_HOME", settings.toAbsolutePath().toString());
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            System.err.println("AotTraining: the training run did not finish in 5 minutes; no cache");
            return;
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(cache) || Files.size(cache) == 0) {
            System.err.println("AotTraining: training run exited " + p.exitValue() + "; no cache, the launcher starts without one");
            Files.deleteIfExists(cache);
            return;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
        if (!lines.contains(OPTION)) {
            int at = lines.indexOf("[JavaOptions]");
            if (at < 0) {
                lines.add("[JavaOptions]");
                at = lines.size() - 1;
            }
            lines.add(at + 1, OPTION);
            Files.write(cfg, lines);
        }
        System.out.printf("AotTraining: %s, %,d bytes, trained in %.1f s%n", cache, Files.size(cache),
                (System.nanoTime() - start) / 1e9);
    }
}
