package dev.inquest.investigation.export;

import java.util.Map;

/**
 * An export: the Markdown and the files that go next to it.
 *
 * @param files relative path (from the Markdown file's folder) to content, e.g.
 *              {@code report-figures/heap-trend-E3.svg}
 */
public record Exported(String markdown, Map<String, String> files) {
    public Exported {
        files = Map.copyOf(files);
    }
}
