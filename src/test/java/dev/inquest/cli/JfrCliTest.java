package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.testing.Corpus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class JfrCliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = InquestCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void summaryJsonHasTheContractFields() throws Exception {
        Path f = Corpus.file("jfr/hotmethods.jfr");
        Run r = run("jfr", "summary", f.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String field : List.of("file", "jvm", "start", "durationMillis", "chunks", "events", "byType", "truncated")) {
            assertThat(j.has(field)).as(field).isTrue();
        }
        assertThat(j.get("byType").get("jdk.ExecutionSample").asLong()).isEqualTo(24_526);
        assertThat(j.get("chunks").asInt()).isEqualTo(1);
        assertThat(j.get("truncated").asBoolean()).isFalse();
        assertThat(j.get("start").asText()).startsWith("2019-09-15T00:11:13");
        long sum = 0;
        for (JsonNode n : j.get("byType")) {
            sum += n.asLong();
        }
        assertThat(j.get("events").asLong()).isEqualTo(sum);
    }

    @Test
    void summaryTextOfTheCrashFileSaysMetadataOnly() {
        Run r = run("jfr", "summary", Corpus.file("jfr/hs_err_jdk-16.jfr").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("events    0").contains("metadata only");
    }

    @Test
    void unsupportedFormatIsExitOneWithOneLine() {
        Path f = Corpus.file("jfr/8u60.jfr");
        Run r = run("jfr", "summary", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("inquest: " + f + ": Oracle JDK 7/8 recording (JFR format 0.9)")
                .endsWith("at byte 4").doesNotContain("\n");
    }

    @Test
    void missingFileIsExitOne() {
        Run r = run("jfr", "summary", dir.resolve("nope.jfr").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no such file");
    }
}
