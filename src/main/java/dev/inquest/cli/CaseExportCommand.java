package dev.inquest.cli;

import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.Exported;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.export.SubtaskExporter;
import dev.inquest.investigation.model.Case;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest case export CASE.inquest --format subtask|report [--out FILE.md] [--include-values]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a case as GitHub-flavoured Markdown: a subtask document or an investigation report.")
public final class CaseExportCommand implements Callable<Integer> {
    enum Format { subtask, report }

    @CommandLine.Parameters(paramLabel = "CASE.inquest")
    Path file;

    @CommandLine.Option(names = "--format", required = true, paramLabel = "subtask|report",
            description = "One of ${COMPLETION-CANDIDATES} (any case). subtask: the short document; report: the investigation report with SVG figures.")
    Format format;

    @CommandLine.Option(names = "--out", paramLabel = "FILE.md",
            description = "Write here (report figures go to FILE-figures/ beside it); default: standard output.")
    Path out;

    @CommandLine.Option(names = "--include-values",
            description = "Include contents read from the heap (strings, arrays). Off by default: dumps hold secrets.")
    boolean includeValues;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (out != null) {
            CaseCliSupport.refuseOverwritingACase(out, file);
        }
        Case c = CaseCliSupport.read(file, spec.commandLine().getErr()).value();
        String figures = out == null ? null : ExportOptions.figuresDirFor(out.getFileName().toString());
        ExportOptions options = new ExportOptions(includeValues, figures);
        Exported result = switch (format) {
            case subtask -> new Exported(SubtaskExporter.export(c, options), Map.of());
            case report -> ReportExporter.export(c, options);
        };
        if (out == null) {
            spec.commandLine().getOut().print(result.markdown());
            spec.commandLine().getOut().flush();
            return 0;
        }
        Path dir = out.toAbsolutePath().getParent();
        for (Map.Entry<String, String> f : result.files().entrySet()) {
            write(dir.resolve(f.getKey()), f.getValue());
        }
        write(out.toAbsolutePath(), result.markdown());
        spec.commandLine().getOut().println("wrote " + out + (result.files().isEmpty() ? ""
                : " and " + result.files().size() + " figure" + (result.files().size() == 1 ? "" : "s") + " in " + figures));
        return 0;
    }

    /** Same temp-then-rename as case files: an export open in an editor is never half written. */
    private static void write(Path target, String content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
