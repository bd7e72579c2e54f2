package dev.inquest;

import dev.inquest.cli.InquestCommand;
import dev.inquest.launch.MemoryRelaunch;
import dev.inquest.ui.settings.Settings;
import java.util.Optional;

/**
 * One entry point for the jar: subcommands go to the command line, anything else (nothing, or
 * file names) opens the window. Kept free of JavaFX types so the command line runs on servers
 * without a display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (opensWindow(args)) {
            // Settings is plain properties, no JavaFX: reading it here keeps the command line display-free.
            Optional<Integer> child = MemoryRelaunch.relaunchIfWanted(true,
                    Settings.loadDefault().get(MemoryRelaunch.SETTING, null), Main.class.getName(), args);
            if (child.isPresent()) {
                System.exit(child.get());
            }
            launchWindow(args);
            return;
        }
        System.exit(InquestCommand.runMain(args));
    }

    static boolean opensWindow(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        return !first.startsWith("-") && !InquestCommand.SUBCOMMANDS.contains(first);
    }

    private static void launchWindow(String[] args) {
        try {
            // Reflection keeps JavaFX classes out of the command line's class loading path.
            Class.forName("dev.inquest.ui.InquestApp")
                    .getMethod("launchApp", String[].class)
                    .invoke(null, (Object) args);
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("inquest: cannot open the window (" + e + "); the command line works: inquest --help");
            System.exit(1);
        }
    }

}
