package dev.inquest.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void markupAndQuotesBecomeEntities() {
        assertThat(Html.escape("</title><script>alert(\"x\")</script>"))
                .isEqualTo("&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
        assertThat(Html.escape("' onmouseover='x")).isEqualTo("&#39; onmouseover=&#39;x");
        assertThat(Html.escape("Tom & Jerry ]]>")).isEqualTo("Tom &amp; Jerry ]]&gt;");
    }

    @Test
    void controlCharactersAreDroppedWhitespaceKept() {
        assertThat(Html.escape("a\u0000b\u0007c\u001b[31m")).isEqualTo("abc[31m");
        assertThat(Html.escape("a\tb\nc")).isEqualTo("a\tb\nc");
        assertThat(Html.escape("lone \ud800 half")).isEqualTo("lone  half");
    }
}
