package dev.inquest.jfr.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.format.Units;
import java.io.StringReader;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class FlameSvgTest {

    @Test
    void writesOneGroupPerVisibleFrameWithEscapedLabels() throws Exception {
        Frame tree = CollapsedStacks.parse("""
                Main.main_[j];java.util.ArrayList.<init>_[i] 60
                Main.main_[j];Cache<K, V>.get & "put" 40
                """);
        FlameIndex index = FlameIndex.of(tree);
        FlameLayout view = new FlameLayout(0, 100, 1000, 300, 18, FlameLayout.Orientation.FLAME, 0);
        String svg = FlameSvg.write(index, view, FlamePalette.colors(index, ColorMode.KIND),
                FlameSearch.of(index, Pattern.compile("init")), WeightUnit.BYTES);

        assertThat(svg).contains("java.util.ArrayList.&lt;init&gt;").doesNotContain("<init>");
        assertThat(svg).contains("Cache&lt;K, V&gt;.get &amp; &quot;put&quot;");
        // It parses as XML, and each frame has a title with its weight in readable units.
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        NodeList groups = doc.getElementsByTagName("g");
        assertThat(groups.getLength()).isEqualTo(4);
        NodeList titles = doc.getElementsByTagName("title");
        String all = "";
        for (int k = 0; k < titles.getLength(); k++) {
            all += titles.item(k).getTextContent() + "\n";
        }
        assertThat(all).contains("java.util.ArrayList.<init> [inlined]\ntotal 60 bytes (60.00 % of all, 60.00 % of parent)");
        // Content height: 3 rows of 18 px.
        assertThat(doc.getDocumentElement().getAttribute("height")).isEqualTo("54");
        // The match is painted in the search colour.
        assertThat(svg).contains(FlamePalette.hex(FlamePalette.MATCH));
    }

    @Test
    void escapesControlCharactersAway() {
        assertThat(dev.inquest.format.Xml.escape("a\u0001b<c>&'")).isEqualTo("ab&lt;c&gt;&amp;&apos;");
    }

    @Test
    void formatsUnits() {
        assertThat(WeightUnit.BYTES.format(512)).isEqualTo("512 bytes");
        assertThat(WeightUnit.BYTES.format(1536)).isEqualTo("1.5 KB");
        assertThat(WeightUnit.BYTES.format(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GB");
        assertThat(WeightUnit.BYTES.format(300L * 1024 * 1024)).isEqualTo("300 MB");
        assertThat(WeightUnit.SAMPLES.format(1234567)).isEqualTo("1,234,567 samples");
        assertThat(WeightUnit.SAMPLES.format(1)).isEqualTo("1 sample");
        assertThat(WeightUnit.NANOSECONDS.format(2_500_000)).isEqualTo("2.5 ms");
        assertThat(Units.percentPrecise(0.124)).isEqualTo("12.40 %");
    }

    @Test
    void labelsLosePackageBeforeTheyAreCut() {
        assertThat(LabelFit.fit("java.util.HashMap.resize", 1000, 7)).isEqualTo("java.util.HashMap.resize");
        assertThat(LabelFit.fit("java.util.HashMap.resize", 14 * 7 + 6, 7)).isEqualTo("HashMap.resize");
        assertThat(LabelFit.fit("java.util.HashMap.resize", 8 * 7 + 6, 7)).isEqualTo("HashMap\u2026");
        assertThat(LabelFit.fit("java.util.HashMap.resize", 2 * 7 + 6, 7)).isNull();
        assertThat(LabelFit.fit("java.util.HashMap$Node[]", FrameKind.ALLOCATED_CLASS, 15 * 7 + 6, 7)).isEqualTo("HashMap$Node[]");
    }
}
