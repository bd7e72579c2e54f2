package dev.inquest.cli;

import dev.inquest.progress.ConsoleProgress;
import dev.inquest.progress.Progress;

/**
 * The progress meter of a command's long work (opening a dump, reading a recording): drawn on
 * stderr by {@link ConsoleProgress} and cleared however the work ends, so stdout stays clean for
 * scripts and an error message starts on a line of its own.
 */
final class Meter {
    private Meter() {
    }

    /** Work that reports to a progress meter. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run(Progress progress) throws E;
    }

    static <T, E extends Exception> T run(Work<T, E> work) throws E {
        ConsoleProgress progress = ConsoleProgress.forStderr();
        try {
            return work.run(progress);
        } finally {
            progress.finish();
        }
    }
}
