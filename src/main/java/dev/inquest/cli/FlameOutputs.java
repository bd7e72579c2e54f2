package dev.inquest.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a flame-graph command's result goes: the one file the user named (SVG, HTML or
 * collapsed), or collapsed stacks on stdout. Shared by {@code jfr flame} and {@code jfr diff},
 * which render different trees through the same three writers.
 */
final class FlameOutputs {
    private FlameOutputs() {
    }

    /** Renders the tree onto a writer; {@link IOException} passes through. */
    @FunctionalInterface
    interface Render {
        void to(Writer out) throws IOException;
    }

    static void write(Path svg, Path html, Path collapsed, PrintWriter stdout, Render asSvg, Render asHtml,
                      Render asCollapsed) throws IOException {
        Path file = svg != null ? svg : html != null ? html : collapsed;
        Render render = svg != null ? asSvg : html != null ? asHtml : asCollapsed;
        if (file == null) {
            Writer out = new BufferedWriter(stdout);
            asCollapsed.to(out);
            out.flush();
            return;
        }
        dev.inquest.input.FileProblems.checkOutput(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            render.to(out);
        }
    }
}
