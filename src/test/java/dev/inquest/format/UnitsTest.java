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
    void bytesInBinaryUnitsAsTheJvmMeansThem() {
        assertThat(Units.bytes(640)).isEqualTo("640 bytes");
        assertThat(Units.bytes(1000)).isEqualTo("1,000 bytes");
        assertThat(Units.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(Units.bytes(222_298_112)).isEqualTo("212 MB");
        assertThat(Units.bytes(21.5 * 1024 * 1024)).isEqualTo("21.5 MB");
        assertThat(Units.bytes(2L * 1024 * 1024 * 1024 + 1024L * 1024 * 1024 / 10)).isEqualTo("2.1 GB");
        assertThat(Units.bytesDelta(12 * 1024 * 1024)).isEqualTo("+12.0 MB");
        assertThat(Units.bytesDelta(-640)).isEqualTo("-640 bytes");
        assertThat(Units.exactBytes(28_032)).isEqualTo("28,032");
    }

    @Test
    void percentKeepsSmallSharesVisible() {
        assertThat(Units.percent(0.6412)).isEqualTo("64.1%");
        assertThat(Units.percent(0.0004)).isEqualTo("0.04%");
        assertThat(Units.percent(0)).isEqualTo("0.0%");
    }

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
    void percentTakesAFractionAndPercentOfHundredAValueInPercent() {
        assertThat(Units.percentOfHundred(41.27)).isEqualTo("41.3%").isEqualTo(Units.percent(0.4127));
        assertThat(Units.percentOfHundred(0.05)).isEqualTo("0.05%");
        assertThat(Units.percentPrecise(0.124)).isEqualTo("12.40 %");
    }

    @Test
    void durationsFromNanoseconds() {
        assertThat(Units.duration(640)).isEqualTo("640 ns");
        assertThat(Units.duration(2_500)).isEqualTo("2.5 \u00b5s");
        assertThat(Units.duration(2_500_000)).isEqualTo("2.5 ms");
        assertThat(Units.duration(1_204_500_000_000L)).isEqualTo("1,204.50 s");
    }

    @Test
    void elapsedTimesForSentencesDropTheSign() {
        assertThat(Units.elapsed(0)).isEqualTo("0 ms");
        assertThat(Units.elapsed(-350)).isEqualTo("350 ms");
        assertThat(Units.elapsed(2_000)).isEqualTo("2.0 s");
        assertThat(Units.elapsed(185_000)).isEqualTo("3 min 5 s");
        assertThat(Units.elapsed(120_000)).isEqualTo("2 min");
        assertThat(Units.elapsed(7_800_000)).isEqualTo("2 h 10 min");
        assertThat(Units.elapsed(-(3 * 86_400_000L + 4 * 3_600_000L))).isEqualTo("3 d 4 h");
    }
}
