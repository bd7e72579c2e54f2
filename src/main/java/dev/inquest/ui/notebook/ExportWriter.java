package dev.inquest.ui.notebook;

import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.Exported;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.export.SubtaskExporter;
import dev.inquest.investigation.model.Case;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the export dialog previews and writes; no UI here so the same code is testable and the
 * preview is exactly what lands on disk.
 */
public final class ExportWriter {
    private ExportWriter() {
    }

    public enum Format {
        SUBTASK("Subtask document"), REPORT("Investigation report");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The files written: the Markdown first, then the figures. */
    public record Written(Path markdown, List<Path> figures) {
    }

    /** The Markdown and its figure files for a target file name (figures go to NAME-figures/). */
    public static Exported render(Case c, Format format, boolean includeValues, String fileName) {
        if (format == Format.SUBTASK) {
            return new Exported(SubtaskExporter.export(c, new ExportOptions(includeValues, null)), Map.of());
        }
        return ReportExporter.export(c, new ExportOptions(includeValues, ExportOptions.figuresDirFor(fileName)));
    }

    /** A file name people would pick: {@code subtask-004.md}, {@code checkout-leak-report.md}. */
    public static String suggestedName(Case c, Format format) {
        if (format == Format.SUBTASK && c.subtask() != null) {
            return String.format(Locale.ROOT, "subtask-%03d.md", c.subtask());
        }
        String slug = c.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "investigation";
        }
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-+$", "");
        }
        return slug + (format == Format.REPORT ? "-report.md" : ".md");
    }

    /**
     * Writes the Markdown into {@code folder} and the SVG figures next to it. Each file goes
     * through a temp file and an atomic rename, so a wiki sync never picks up half a document.
     */
    public static Written write(Case c, Format format, boolean includeValues, Path folder, String fileName)
            throws IOException {
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IOException("not a file name: \"" + fileName + "\"");
        }
        String name = fileName.endsWith(".md") ? fileName : fileName + ".md";
        Exported out = render(c, format, includeValues, name);
        Files.createDirectories(folder);
        Path md = folder.resolve(name);
        writeAtomically(md, out.markdown());
        List<Path> figures = new ArrayList<>();
        for (var e : new TreeMap<>(out.files()).entrySet()) {
            Path p = folder.resolve(e.getKey()).normalize();
            if (!p.startsWith(folder.normalize())) {
                throw new IOException(p + ": figure path leaves the export folder");
            }
            Files.createDirectories(p.getParent());
            writeAtomically(p, e.getValue());
            figures.add(p);
        }
        return new Written(md, figures);
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
