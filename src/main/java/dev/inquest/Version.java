package dev.inquest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, filtered into the jar at build time so the CLI and the window agree. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    public static String version() {
        return VERSION;
    }

    /** One line for {@code --version} and the About dialog: ours and the JDK we run on. */
    public static String describe() {
        return "Inquest " + VERSION + " (JDK " + Runtime.version() + ", " + System.getProperty("java.vm.name")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
