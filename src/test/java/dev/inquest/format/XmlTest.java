package dev.inquest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class XmlTest {
    static final String HOSTILE = "<script>alert('x')</script> \"q\" & ]]> <![CDATA[ \u0000\u0007\u001f\ufffe \ud800 tab\tline\n";

    @Test
    void escapesMarkupAndBothQuotes() {
        assertThat(Xml.escape("<script>alert('x')</script>")).isEqualTo("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;");
        assertThat(Xml.escape("a \"b\" & c")).isEqualTo("a &quot;b&quot; &amp; c");
        assertThat(Xml.escape("]]>")).isEqualTo("]]&gt;");
    }

    @Test
    void dropsWhatXmlCannotCarryAndKeepsWhitespaceAndPairs() {
        assertThat(Xml.escape("a\u0001b\u0000c\u001fd")).isEqualTo("abcd");
        assertThat(Xml.escape("\ufffe\uffff\ud800x\udc00")).isEqualTo("x");
        assertThat(Xml.escape("tab\tline\ncr\r")).isEqualTo("tab\tline\ncr\r");
        assertThat(Xml.escape("emoji \ud83d\ude00")).isEqualTo("emoji \ud83d\ude00");
        assertThat(Xml.escape("plain")).isSameAs("plain");
    }

    @Test
    void bidiAndC1ControlsAreShownByName() {
        assertThat(Xml.escape("a\u202Eb\u2066c\u2069\u200E\u061C\u0085\u009b"))
                .isEqualTo("a&lt;U+202E&gt;b&lt;U+2066&gt;c&lt;U+2069&gt;&lt;U+200E&gt;&lt;U+061C&gt;&lt;U+0085&gt;&lt;U+009B&gt;");
        assertThat(Html.escape("a\u202Eb\u009b")).isEqualTo("a&lt;U+202E&gt;b&lt;U+009B&gt;");
        // Other format characters a name may rightly hold stay as they are.
        assertThat(Xml.escape("\u200D\u00e9")).isEqualTo("\u200D\u00e9");
    }

    @Test
    void hostileTextRoundTripsThroughAParserAsTextAndAsAnAttribute() throws Exception {
        String xml = "<a title=\"" + Xml.escape(HOSTILE) + "\" other='" + Xml.escape(HOSTILE) + "'>" + Xml.escape(HOSTILE) + "</a>";
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        String expected = "<script>alert('x')</script> \"q\" & ]]> <![CDATA[   tab\tline\n";
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo(expected);
        assertThat(doc.getDocumentElement().getChildNodes().getLength()).isEqualTo(1);
        // Attribute values normalise tab and line feed to spaces, as XML says.
        assertThat(doc.getDocumentElement().getAttribute("title")).isEqualTo(expected.replace('\t', ' ').replace('\n', ' '));
        assertThat(doc.getDocumentElement().getAttribute("other")).isEqualTo(doc.getDocumentElement().getAttribute("title"));
    }
}
