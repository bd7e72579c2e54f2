package dev.inquest.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void countsHaveThousandsSeparators() {
        assertThat(Units.count(81_312)).isEqualTo("81,312");
        assertThat(Units.count(2_000_000)).isEqualTo("2,000,000");
        assertThat(Units.countDelta(1204)).isEqualTo("+1,204");
        assertThat(Units.countDelta(-3)).isEqualTo("-3");
    }

    @Test
    void bytesInDecimalUnits() {
        assertThat(Units.bytes(640)).isEqualTo("640 B");
        assertThat(Units.bytes(212_345_678)).isEqualTo("212 MB");
        assertThat(Units.bytes(21_234_567)).isEqualTo("21.2 MB");
        assertThat(Units.bytes(2_100_000_000L)).isEqualTo("2.1 GB");
        assertThat(Units.bytes(999_999)).isEqualTo("1.0 MB");
        assertThat(Units.bytesDelta(12_000_000)).isEqualTo("+12.0 MB");
        assertThat(Units.bytesDelta(-640)).isEqualTo("-640 B");
        assertThat(Units.exactBytes(28_032)).isEqualTo("28,032");
    }

    @Test
    void percentKeepsSmallSharesVisible() {
        assertThat(Units.percent(0.6412)).isEqualTo("64.1 %");
        assertThat(Units.percent(0.0004)).isEqualTo("0.04 %");
        assertThat(Units.percent(0)).isEqualTo("0.0 %");
    }
}
