package dev.inquest.investigation.export;

/**
 * @param includeValues print contents read from the heap (string values, primitive arrays);
 *                      off by default because dumps hold passwords and exports go to wikis
 * @param figuresDir    folder, relative to the Markdown file, for report SVG figures; null writes
 *                      no figures (e.g. the report goes to stdout)
 */
public record ExportOptions(boolean includeValues, String figuresDir) {
    public static final ExportOptions DEFAULT = new ExportOptions(false, null);

    /** {@code report.md} -> {@code report-figures}. */
    public static String figuresDirFor(String markdownFileName) {
        String base = markdownFileName.endsWith(".md")
                ? markdownFileName.substring(0, markdownFileName.length() - 3) : markdownFileName;
        return base + "-figures";
    }
}
