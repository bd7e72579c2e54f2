package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.diff.DiffBuilder;
import dev.inquest.jfr.render.CollapsedWriter;
import dev.inquest.jfr.render.FlameGraphHtml;
import dev.inquest.jfr.render.FlameGraphSvg;
import dev.inquest.jfr.render.FlamePalette;
import dev.inquest.jfr.stack.FrameType;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.read.TreeBuilder;
import dev.inquest.jfr.stack.Weight;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class FlameRenderTest {

    static TreeBuilder.Frame f(String name, FrameType t) {
        return new TreeBuilder.Frame(name, t);
    }

    /** A small tree with the names that break naive writers: '<init>', '&', ';', spaces. */
    static StackTree sample() {
        TreeBuilder b = new TreeBuilder();
        TreeBuilder.Frame run = f("java.lang.Thread.run", FrameType.INTERPRETED);
        TreeBuilder.Frame make = f("com.acme.Cache$Entry.<init>", FrameType.JIT_COMPILED);
        b.add(new TreeBuilder.Frame[] {run, make, f("byte[]", FrameType.CLASS)}, 700);
        b.add(new TreeBuilder.Frame[] {run, make, f("com.acme.Tom&Jerry", FrameType.CLASS)}, 200);
        b.add(new TreeBuilder.Frame[] {run, f("weird;name with space", FrameType.INLINED)}, 100);
        b.add(new TreeBuilder.Frame[] {run}, 5);
        return new StackTree(b.freeze(0), Weight.BYTES, List.of("jdk.ObjectAllocationSample"), 4, false);
    }

    @Test
    void collapsedLinesAreRootFirstAndSumToTheTotal() throws Exception {
        StringWriter out = new StringWriter();
        CollapsedWriter.write(sample(), out);
        assertThat(out.toString().lines()).containsExactlyInAnyOrder(
                "java.lang.Thread.run 5",
                "java.lang.Thread.run;com.acme.Cache$Entry.<init>;byte[] 700",
                "java.lang.Thread.run;com.acme.Cache$Entry.<init>;com.acme.Tom&Jerry 200",
                "java.lang.Thread.run;weird:name_with_space 100");
    }

    @Test
    void svgIsWellFormedSelfContainedAndEscaped() throws Exception {
        StringWriter out = new StringWriter();
        FlameGraphSvg.write(sample(), "alloc <test>", out);
        String svg = out.toString();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        // The document's title, then one <title> tooltip per frame box: root, run, <init>, byte[], Tom&Jerry, weird.
        // (Unified with the window's writer, issue 15: the SVG now has a document title, and the
        // tooltips are the window's: kind in brackets, shares of all and of parent, self weight.)
        assertThat(doc.getElementsByTagName("title").getLength()).isEqualTo(1 + 6);
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(7);
        assertThat(svg).contains("com.acme.Cache$Entry.&lt;init&gt;").contains("Tom&amp;Jerry")
                .doesNotContain("<script").doesNotContain("href=").doesNotContain("<style");
        assertThat(svg).contains(">alloc &lt;test&gt;</text>");
        String titles = doc.getElementsByTagName("title").item(3).getTextContent();
        assertThat(titles).isEqualTo("com.acme.Cache$Entry.<init> [JIT compiled]\n"
                + "total 900 bytes (89.55 % of all, 89.55 % of parent)\nself 0 bytes");
    }

    @Test
    void htmlIsOneOfflineFileWithZoomAndSearch() throws Exception {
        StringWriter out = new StringWriter();
        FlameGraphHtml.write(sample(), "alloc", out);
        String html = out.toString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<script>")
                .contains("data-n=\"com.acme.Cache$Entry.&lt;init&gt;\"").contains("function zoom")
                .doesNotContain("src=\"http").doesNotContain("<link");
    }

    @Test
    void htmlAndSvgKeepHostileFrameNamesInert() throws Exception {
        TreeBuilder b = new TreeBuilder();
        String hostile = "</script><script>alert(1)</script>\"' onload=\"x\" ]]> \u0000\u0007";
        b.add(new TreeBuilder.Frame[] {f("run", FrameType.INTERPRETED), f(hostile, FrameType.JIT_COMPILED)}, 10);
        StackTree tree = new StackTree(b.freeze(0), Weight.COUNT, List.of("jdk.ExecutionSample"), 1, false);
        StringWriter html = new StringWriter();
        FlameGraphHtml.write(tree, "<b>title</b>", html);
        String page = html.toString();
        // The page's own script is the only one; the name's quotes cannot close an attribute.
        assertThat(page.split("<script>", -1)).hasSize(2);
        assertThat(page).doesNotContain("alert(1)</script>").doesNotContain("onload=\"x\"").doesNotContain("<b>")
                .doesNotContain("\u0000").contains("&lt;/script&gt;&lt;script&gt;alert(1)");
        StringWriter svg = new StringWriter();
        FlameGraphSvg.write(tree, hostile, svg);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.toString()).doesNotContain("<script").doesNotContain("]]>");

        // Issue 17's strings too: a tag with a handler, a script link, terminal escapes.
        String more = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) \u001b[31mred\u0007 \u202Eevil";
        TreeBuilder b2 = new TreeBuilder();
        b2.add(new TreeBuilder.Frame[] {f("run", FrameType.INTERPRETED), f(more, FrameType.JIT_COMPILED)}, 10);
        StackTree tree2 = new StackTree(b2.freeze(0), Weight.COUNT, List.of("jdk.ExecutionSample"), 1, false);
        StringWriter html2 = new StringWriter();
        FlameGraphHtml.write(tree2, more, html2);
        assertThat(html2.toString()).doesNotContain("<img").doesNotContain("\u001b").doesNotContain("href=")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
        StringWriter svg2 = new StringWriter();
        FlameGraphSvg.write(tree2, more, svg2);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg2.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(svg2.toString()).doesNotContain("<img").doesNotContain("\u001b").doesNotContain("href=");

        // Bidi controls are inert in a label but reorder what a reader sees: shown by name, as the
        // Markdown exports show them (the page's script draws the name from data-n, so it shows the same).
        String bidi = "com.acme.\u202Etxt.exe\u2066Frame\u2069.run \u200Fx\u009b31m";
        TreeBuilder b3 = new TreeBuilder();
        b3.add(new TreeBuilder.Frame[] {f("run", FrameType.INTERPRETED), f(bidi, FrameType.JIT_COMPILED)}, 10);
        StackTree tree3 = new StackTree(b3.freeze(0), Weight.COUNT, List.of("jdk.ExecutionSample"), 1, false);
        String shown = "com.acme.&lt;U+202E&gt;txt.exe&lt;U+2066&gt;Frame&lt;U+2069&gt;.run &lt;U+200F&gt;x&lt;U+009B&gt;31m";
        StringWriter html3 = new StringWriter();
        FlameGraphHtml.write(tree3, "title \u202Eevil", html3);
        assertThat(html3.toString()).doesNotContain("\u202E", "\u2066", "\u2069", "\u200F", "\u009b")
                .contains("data-n=\"" + shown + "\"", "<title>title &lt;U+202E&gt;evil</title>");
        StringWriter svg3 = new StringWriter();
        FlameGraphSvg.write(tree3, "title \u202Eevil", svg3);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg3.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(svg3.toString()).doesNotContain("\u202E", "\u2066", "\u2069", "\u200F", "\u009b")
                .contains(shown).contains("title &lt;U+202E&gt;evil");
    }

    @Test
    void diffSvgRendersBothSides() throws Exception {
        StringWriter out = new StringWriter();
        FlameGraphSvg.write(DiffBuilder.diff(sample(), sample()), "self", out);
        // Unchanged frames: the window's unchanged grey (was the command line's own near-white hsl before issue 15).
        assertThat(out.toString()).contains("+0.00 points").contains(FlamePalette.hex(FlamePalette.UNCHANGED));
        StringWriter collapsed = new StringWriter();
        CollapsedWriter.write(DiffBuilder.diff(sample(), sample()), collapsed);
        assertThat(collapsed.toString().lines()).contains("java.lang.Thread.run;com.acme.Cache$Entry.<init>;byte[] 700 700");
    }
}
