package dev.inquest.cli;

import dev.inquest.jfr.Recording;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * What the recording verbs that print one of the engine's answers share: the recording argument,
 * {@code --json}, the progress meter while the recording is read, and the answer's JSON with the
 * file's wholeness beside it ({@link RecordingAnswer}); a recording cut short says so in the
 * first line of text too. A verb says what to ask and how to print the answer as text.
 */
abstract class RecordingVerb<T> implements Callable<Integer> {
    @CommandLine.Mixin
    RecordingArgument input;

    @CommandLine.Mixin
    OutputFormat output;

    /** The question, asked of the open recording. */
    abstract T ask(Recording recording, Progress progress) throws IOException;

    /** The answer as text, on stdout. */
    abstract void print(T answer, PrintWriter out);

    @Override
    public final Integer call() throws Exception {
        RecordingAnswer<T> a = Meter.run(progress -> {
            try (Recording r = input.open(progress)) {
                return RecordingAnswer.of(r, ask(r, progress));
            }
        });
        if (output.json()) {
            output.printJson(a);
            return 0;
        }
        PrintWriter out = output.out();
        // The engine's words, as the window's banner shows them.
        a.damage().sentences().forEach(out::println);
        print(a.answer(), out);
        out.flush();
        return 0;
    }
}
