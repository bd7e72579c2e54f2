package dev.inquest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesOnlyWhatNeedsIt() {
        assertThat(Csv.field("plain text")).isEqualTo("plain text");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(Csv.field(null)).isEmpty();
        assertThat(Csv.line(Arrays.asList("x", null, "1,2"))).isEqualTo("x,,\"1,2\"");
        assertThat(Csv.line(List.of())).isEmpty();
    }
}
