package dev.inquest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17: {@link Markdown#safe}, {@link Markdown#safeLine} and {@link Terminal}, checked by parsing as a renderer would. */
class SafeMarkdownTest {

    /** Raw HTML, links and images the parser finds in {@code md}. */
    static List<String> active(String md) {
        List<String> out = new ArrayList<>();
        MarkdownTest.GFM.parse(md).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline h) {
                out.add("html " + h.getLiteral());
            }

            @Override
            public void visit(HtmlBlock h) {
                out.add("html " + h.getLiteral());
            }

            @Override
            public void visit(Link l) {
                out.add("link " + l.getDestination());
                visitChildren(l);
            }

            @Override
            public void visit(Image i) {
                out.add("image " + i.getDestination());
            }
        });
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[click](javascript:alert(1))", "[c](JaVaScRiPt:alert(1))", "[c]( javascript:alert(1) )", "[c](<javascript:alert(1)>)",
        "[c](java&#115;cript:alert(1))", "[c](&#106;avascript:alert(1))", "[c](java\\script:x)", "[c](vbscript:msgbox)",
        "[c](data:text/html;base64,PHNjcmlwdD4=)", "![i](javascript:alert(1))", "![i](data:image/svg+xml,<svg onload=alert(1)>)",
        "<javascript:alert(1)>", "[c][r]\n\n[r]: javascript:alert(1)", "[c][r]\n\n[r]:\n  javascript:alert(1)", "- [r]: javascript:x\n\n[c][r]", "> [r]: data:x\n\n[c][r]",
        "[a [nested](javascript:x) b](https://ok.example)", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "a <b onmouseover=alert(1)>b</b>", "<!-- hidden -->", "<div>\n*x*\n</div>", "- item <script>x</script>",
        "> <iframe src=x></iframe>", "<?php x ?>", "<![CDATA[x]]>"})
    void nothingActiveIsLeft(String hostile) {
        String safe = Markdown.safe(hostile);
        assertThat(active(safe)).as(safe).allMatch(a -> a.startsWith("link https://ok.example"));
        assertThat(Markdown.safe(safe)).as("idempotent").isEqualTo(safe);
        assertThat(active(Markdown.safeLine(hostile))).allMatch(a -> a.startsWith("link https://ok.example"));
    }

    @Test
    void ordinaryMarkdownIsUntouched() {
        for (String md : List.of("*em* **strong** `HashMap<K, V>` and ``a`b``", "[docs](https://example.org/a?b=1#c)",
                "[rel](../docs/x.md) [anchor](#top) [mail](mailto:a@b.example) <https://example.org>",
                "- one\n- two\n\n1. three", "```java\nList<String> x = new ArrayList<>();\n```", "> quoted *text*",
                "| a | b |\n|---|---|\n| 1 | 2 |", "`<script>` in code is text already", "5 < 6 and a<b")) {
            assertThat(Markdown.safe(md)).isEqualTo(md);
        }
    }

    @Test
    void aFenceLeftOpenIsClosedWithTheSameFence() {
        assertThat(Markdown.safe("text\n\n```\nopen")).isEqualTo("text\n\n```\nopen\n```");
        assertThat(Markdown.safe("````java\nx\n```")).isEqualTo("````java\nx\n```\n````");
        assertThat(Markdown.safe("~~~\nx\n")).isEqualTo("~~~\nx\n~~~");
        // Closed ones, and fences inside a list item (they end with the item), stay as written.
        assertThat(Markdown.safe("```\nx\n```")).isEqualTo("```\nx\n```");
        assertThat(Markdown.safe("- a\n  ```\n  x")).isEqualTo("- a\n  ```\n  x");
        String export = "## Note\n" + Markdown.safe("```\nswallow") + "\n\n## Next Steps\n1. step";
        List<String> fences = new ArrayList<>();
        Node doc = MarkdownTest.GFM.parse(export);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock f) {
                fences.add(f.getLiteral());
            }
        });
        assertThat(fences).containsExactly("swallow\n");
        assertThat(doc.getLastChild()).isInstanceOf(org.commonmark.node.OrderedList.class);
    }

    @Test
    void htmlBlocksAreShownAsCodeAndStayOneBlock() {
        assertThat(Markdown.safe("<details>\n# not a heading\n</details>")).isEqualTo("```\n<details>\n# not a heading\n</details>\n```");
        assertThat(Markdown.safe("- <div>x</div>")).isEqualTo("- ```\n  <div>x</div>\n  ```");
        assertThat(Markdown.safe("a <b>x</b>")).isEqualTo("a &lt;b>x&lt;/b>");
    }

    @Test
    void oneLineFieldsCannotStartABlock() {
        String s = Markdown.safeLine("\n# Heading\n- item\n```\n");
        assertThat(s).isEqualTo("# Heading - item ```");
        assertThat(Markdown.item("-", s)).isEqualTo("- \\# Heading - item ```");
        for (String start : List.of("# h", "> q", "- i", "+ i", "* i", "1. n", "2) n", "```", "~~~", "***", "- - -")) {
            Node doc = MarkdownTest.GFM.parse(Markdown.item("-", Markdown.safeLine(start)));
            Node item = doc.getFirstChild().getFirstChild();
            assertThat(item.getFirstChild()).as(start).isInstanceOf(org.commonmark.node.Paragraph.class);
            assertThat(item.getFirstChild().getNext()).as(start).isNull();
        }
        assertThat(Markdown.item("-", "```x``` inline code")).isEqualTo("- ```x``` inline code");
    }

    @Test
    void controlsAndBidiAreShownNotObeyed() {
        assertThat(Markdown.safe("\u001b[31mred\u0007 \u202Eevil\u2066x\u0085\u007f\ttab\nline"))
                .isEqualTo("<U+001B>[31mred<U+0007> <U+202E>evil<U+2066>x<U+0085><U+007F>\ttab\nline");
        assertThat(Markdown.safeLine("a\u0008b\nc")).isEqualTo("a<U+0008>b c");
        assertThat(Markdown.code("\u001b[0m")).isEqualTo("`<U+001B>[0m`");
        assertThat(Markdown.text("\u202Eevil")).isEqualTo("&lt;U+202E&gt;evil");
        assertThat(Markdown.fence("a\u0007\nb", "")).isEqualTo("```\na<U+0007>\nb\n```");
        assertThat(Terminal.line("\u001b[31mred\u0007 \u202Eevil\b\nnext\u009b"))
                .isEqualTo("\\u001b[31mred\\u0007 <U+202E>evil\\u0008\\nnext\\u009b");
        assertThat(Terminal.line("plain é 日本")).isEqualTo("plain é 日本");
        assertThat(Terminal.line(null)).isEqualTo("—");
    }

    @Test
    void cellsOfMissingFieldsShowUnknown() {
        assertThat(Markdown.cell(null)).isEqualTo("—");
        assertThat(Markdown.cell("<script>x</script> | y")).isEqualTo("&lt;script>x&lt;/script> \\| y");
    }
}
