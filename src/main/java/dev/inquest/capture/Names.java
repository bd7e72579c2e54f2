package dev.inquest.capture;

import java.nio.file.Path;

/** The small words captures share: a JVM's main class from its command, a path in a jcmd command. */
final class Names {
    private Names() {
    }

    /**
     * The main class, or the jar, of a JVM's command ({@code sun.java.command}, the Attach API's
     * display name): its first word, or the source file for {@code java Foo.java}.
     */
    static String mainClassOf(String command) {
        if (command == null || command.isBlank()) {
            return "";
        }
        String[] words = command.strip().split("\\s+");
        // Source-file mode: the launcher's class, then the file it runs.
        if (words[0].endsWith(".SourceLauncher") && words.length > 1) {
            return words[1];
        }
        return words[0];
    }

    /** A path as a shell word: quoted when it has spaces or quotes. */
    static String shellWord(Path path) {
        return shellWord(path.toString());
    }

    static String shellWord(String s) {
        if (s.matches("[A-Za-z0-9_./=:@%+,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
