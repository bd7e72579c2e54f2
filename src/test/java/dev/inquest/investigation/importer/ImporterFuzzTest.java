package dev.inquest.investigation.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.export.ExportOptions;
import dev.inquest.investigation.export.ReportExporter;
import dev.inquest.investigation.export.SubtaskExporter;
import dev.inquest.investigation.model.Case;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Documents stitched at random from the pieces real ones are made of (any heading at any level,
 * lists of every kind, tables, fences, metadata, HTML, stray rules). The importer must never throw,
 * and after one import -> export pass the subtask document must be a fixed point.
 */
class ImporterFuzzTest {
    static final List<String> PIECES = List.of(
            "# Subtask 7: Fuzzed", "# A title", "Title\n=====", "## Context", "### Context", "## Findings",
            "#### Key findings", "## Hypotheses and Questions", "## Open Questions", "### Actions Taken",
            "## What we tried", "## Next Steps", "### P1", "### Immediate", "## References", "### Internal links",
            "## Timeline", "### Phase 1: Dumps", "## Executive Summary", "## Artifacts", "## Findings by Severity",
            "### High", "### 1. Leak (CRITICAL)", "## Priority Action Items", "## ", "#",
            "- plain bullet", "* star bullet", "+ plus bullet", "1. numbered", "2) paren numbered", "-",
            "- [ ] open box", "- [x] done box", "- **[P0]** urgent (owner: @a; tests H1)", "- P2: later",
            "- nested parent\n  - nested child", "- Supports: evidence line", "  - Refutes: against it",
            "- **H2:** Is it the cache? **(supported)**", "- Would X help? — ruled out",
            "- [Link](http://x.y/z)", "- [Bare]", "- https://example.org/a|b",
            "**Created:** 2026-01-02", "**Date:** March 3, 2026", "**Status:** ✅ Resolved (done)",
            "**Status:** weird", "**Author:** a and b", "**Environment:** prod",
            "**Finding:** something found", "**Key Findings:**", "Ruled out as a cause: disk.",
            "| A | B |\n|---|---|\n| 1 | 2 \\| 3 |", "| Stance | Evidence |\n|---|---|\n| Refutes | x |",
            "```\ncode ``` inside\n```", "````java\nclass A<T> {}\n````", "> quoted", "<details>x</details>",
            "---", "***", "*closing words*", "Just a paragraph with `HashMap$Node` and <init>.",
            "lazy\ncontinuation",
            // Issue 17: hostile text, recommendations, deep nesting.
            "<script>alert(1)</script>", "- <img src=x onerror=alert(1)>", "- [click](javascript:alert(1))",
            "[r]: javascript:alert(1)", "\u001b[31mred\u0007 \u202Eevil", "```\nunclosed", "## Recommendations",
            "### 1. Bound the cache [P0]", "### 2. Alert", "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - deep",
            "", "", "");

    @Test
    void randomDocumentsImportAndReachAFixedPoint() {
        Random r = new Random(Long.getLong("inquest.fuzz.seed", 20260127L));
        for (int doc = 0; doc < 400; doc++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(25);
            for (int i = 0; i < n; i++) {
                sb.append(PIECES.get(r.nextInt(PIECES.size()))).append(r.nextInt(4) == 0 ? "\n" : "\n\n");
            }
            String md = sb.toString();
            Case c = MarkdownImporter.importMarkdown(md);
            String once = SubtaskExporter.export(c, ExportOptions.DEFAULT);
            ReportExporter.export(c, new ExportOptions(false, "f"));
            Case again = MarkdownImporter.importMarkdown(once);
            String twice = SubtaskExporter.export(again, ExportOptions.DEFAULT);
            assertThat(twice).as("document %d:\n%s\n---- exported:\n%s", doc, md, once).isEqualTo(once);
        }
    }
}
