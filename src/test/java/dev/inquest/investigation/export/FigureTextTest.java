package dev.inquest.investigation.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.model.Figure;
import dev.inquest.investigation.model.FigureUnit;
import org.junit.jupiter.api.Test;

class FigureTextTest {
    @Test
    void countsGetThousandsSeparatorsAndFiguresTheirUnits() {
        assertThat(FigureText.value(Figure.count("objects", 1_048_576))).isEqualTo("1,048,576");
        assertThat(FigureText.value(Figure.percent("p", 41.27))).isEqualTo("41.3%");
        assertThat(FigureText.value(new Figure("gc", 1250, FigureUnit.MILLISECONDS))).isEqualTo("1,250 ms");
        assertThat(FigureText.value(new Figure("d", 350_000, FigureUnit.COUNT_DELTA))).isEqualTo("+350,000");
        assertThat(FigureText.named(Figure.bytes("retained", 222_298_112))).isEqualTo("retained 212 MB");
    }
}
