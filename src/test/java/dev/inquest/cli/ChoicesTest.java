package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.Grouping;
import dev.inquest.jfr.stack.AllocSource;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.Weight;
import org.junit.jupiter.api.Test;

/**
 * Every word the hand-written option parsers accepted (in any case) is still accepted and means
 * the same; a wrong word is a usage error naming the accepted ones. Parsing fails before any
 * file is read, so the files here need not exist.
 */
class ChoicesTest {

    @Test
    void everyOldWordMeansWhatItMeant() {
        assertThat(new Choices.HistogramBy.Converter().convert("Loader").grouping).isEqualTo(Grouping.LOADER);
        assertThat(new Choices.HistogramBy.Converter().convert("PACKAGE").grouping).isEqualTo(Grouping.PACKAGE);
        assertThat(new Choices.ClassOrPackage.Converter().convert("class").grouping).isEqualTo(Grouping.CLASS);
        assertThat(new Choices.Event.Converter().convert("CPU").kind).isEqualTo(EventKind.CPU);
        Choices.WeightBy.Converter weight = new Choices.WeightBy.Converter();
        assertThat(weight.convert("bytes").weight).isEqualTo(Weight.BYTES);
        assertThat(weight.convert("count").weight).isEqualTo(Weight.COUNT);
        assertThat(weight.convert("Samples").weight).isEqualTo(Weight.COUNT);
        assertThat(weight.convert("ns").weight).isEqualTo(Weight.NANOS);
        assertThat(weight.convert("nanos").weight).isEqualTo(Weight.NANOS);
        assertThat(weight.convert("TIME").weight).isEqualTo(Weight.NANOS);
        Choices.AllocEvents.Converter alloc = new Choices.AllocEvents.Converter();
        assertThat(alloc.convert("auto").source).isEqualTo(AllocSource.AUTO);
        assertThat(alloc.convert("sample").source).isEqualTo(AllocSource.SAMPLES);
        assertThat(alloc.convert("samples").source).isEqualTo(AllocSource.SAMPLES);
        assertThat(alloc.convert("Tlab").source).isEqualTo(AllocSource.TLAB);
        assertThat(alloc.convert("all").source).isEqualTo(AllocSource.ALL);
    }

    @Test
    void aWrongWordIsAUsageErrorThatListsTheWords() {
        CliRun weight = CliRun.run("jfr", "flame", "none.jfr", "--event", "alloc", "--weight", "colour");
        assertThat(weight.exit()).isEqualTo(2);
        assertThat(weight.err()).contains("--weight").contains("[bytes, count, ns]").contains("'colour'");
        CliRun group = CliRun.run("heap", "dominators", "none.hprof", "--group", "loader");
        assertThat(group.exit()).isEqualTo(2);
        assertThat(group.err()).contains("--group").contains("[class, package]");
        CliRun by = CliRun.run("heap", "compare", "a.hprof", "b.hprof", "--by", "loader");
        assertThat(by.exit()).isEqualTo(2);
        assertThat(by.err()).contains("[class, package]");
    }

    @Test
    void theHelpListsTheWords() {
        assertThat(CliRun.run("heap", "histogram", "--help").out()).contains("Group by class, package, loader");
        assertThat(CliRun.run("jfr", "flame", "--help").out()).contains("bytes, count, ns");
        assertThat(CliRun.run("case", "export", "--help").out()).contains("subtask, report");
    }
}
