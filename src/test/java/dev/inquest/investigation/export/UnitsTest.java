package dev.inquest.investigation.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.model.Figure;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void sizesAreBinaryWithOneDecimalBelowAHundred() {
        assertThat(Units.bytes(0)).isEqualTo("0 bytes");
        assertThat(Units.bytes(1000)).isEqualTo("1,000 bytes");
        assertThat(Units.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(Units.bytes(222_298_112)).isEqualTo("212 MB");
        assertThat(Units.bytes(2L * 1024 * 1024 * 1024 + 1024L * 1024 * 1024 / 10)).isEqualTo("2.1 GB");
        assertThat(Units.bytes(99.96 * 1024 * 1024)).isEqualTo("100.0 MB");
        assertThat(Units.bytes(5_000L * 1024 * 1024 * 1024)).isEqualTo("4.9 TB");
        assertThat(Units.bytesDelta(-3 * 1024 * 1024)).isEqualTo("-3.0 MB");
        assertThat(Units.bytesDelta(12 * 1024 * 1024)).isEqualTo("+12.0 MB");
    }

    @Test
    void countsGetThousandsSeparatorsAndFiguresTheirUnits() {
        assertThat(Units.value(Figure.count("objects", 1_048_576))).isEqualTo("1,048,576");
        assertThat(Units.value(Figure.percent("p", 41.27))).isEqualTo("41.3%");
        assertThat(Units.value(new Figure("gc", 1250, "ms"))).isEqualTo("1,250 ms");
        assertThat(Units.value(new Figure("d", 350_000, "countDelta"))).isEqualTo("+350,000");
        assertThat(Units.named(Figure.bytes("retained", 222_298_112))).isEqualTo("retained 212 MB");
    }
}
