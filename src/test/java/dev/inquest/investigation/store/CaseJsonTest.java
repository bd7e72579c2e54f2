package dev.inquest.investigation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inquest.input.BadInputException;
import dev.inquest.input.FileKind;
import dev.inquest.investigation.SampleCases;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.Priority;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseJsonTest {
    @TempDir
    Path dir;

    static final Path FILE = Path.of("t.inquest");

    @Test
    void roundTripKeepsEveryField() {
        Case c = SampleCases.rich();
        String json = CaseJson.toJson(c);
        Case back = CaseJson.parse(json.getBytes(StandardCharsets.UTF_8), FILE).value();
        assertThat(back).isEqualTo(c);
        assertThat(CaseJson.toJson(back)).isEqualTo(json);
    }

    @Test
    void topLevelFieldsFollowTheContractOrder() throws Exception {
        JsonNode tree = CaseJson.MAPPER.readTree(CaseJson.toJson(SampleCases.rich()));
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(0, 15)).containsExactly("formatVersion", "title", "subtask", "status", "created",
                "updated", "authors", "artifacts", "context", "findings", "hypotheses", "actions", "nextSteps",
                "references", "notes");
        JsonNode h = tree.get("hypotheses").get(0);
        assertThat(h.has("statement") && h.has("status") && h.has("tags") && h.has("notes") && h.has("evidence")).isTrue();
        JsonNode step = tree.get("nextSteps").get(0);
        assertThat(step.get("text").asText()).isEqualTo("Register the eviction listener");
        assertThat(step.get("done").asBoolean()).isFalse();
        assertThat(step.get("priority").asText()).isEqualTo("P0");
        assertThat(step.get("owner").asText()).isEqualTo("@dana");
        assertThat(step.get("hypothesis").asText()).isEqualTo("H1");
        assertThat(tree.get("references").get(0).get("link").asText()).isEqualTo("../design/cache.md");
    }

    @Test
    void humanReadable() throws Exception {
        String json = CaseJson.toJson(SampleCases.rich());
        assertThat(json).contains("\"status\": \"In Progress\"", "\"created\": \"2026-01-27\"",
                "\"value\": 222298112", "\"pinned\": \"2026-01-27T10:15:30Z\"").doesNotContain("E8");
        assertThat(json).endsWith("}\n");
        assertThat(FileKind.detect(write(json))).isEqualTo(FileKind.CASE);
    }

    private Path write(String json) {
        try {
            return Files.writeString(dir.resolve("k.inquest"), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void unknownTopLevelFieldsFromANewerBuildSurviveASave() {
        String json = CaseJson.toJson(SampleCases.rich()).replaceFirst("\\{",
                "{\n  \"reviewers\": [\"kim\"],\n  \"colour\": \"teal\",");
        CaseJson.Parsed p = CaseJson.parse(json.getBytes(StandardCharsets.UTF_8), FILE);
        assertThat(p.value()).isEqualTo(SampleCases.rich());
        String again = CaseJson.toJson(p.value(), p.unknown());
        assertThat(again).contains("\"reviewers\": [\n    \"kim\"\n  ]", "\"colour\": \"teal\"");
    }

    @Test
    void formatOneOpensMigrated() throws Exception {
        byte[] v1;
        try (InputStream in = getClass().getResourceAsStream("/cases/format1.inquest")) {
            v1 = in.readAllBytes();
        }
        CaseJson.Parsed p = CaseJson.parse(v1, FILE);
        assertThat(p.fileVersion()).isEqualTo(1);
        Case c = p.value();
        assertThat(c.formatVersion()).isEqualTo(Case.FORMAT_VERSION);
        assertThat(c.title()).isEqualTo("Metaspace keeps growing");
        assertThat(c.hypotheses()).hasSize(2);
        assertThat(c.hypotheses().get(0).statement()).isEqualTo("Are generated proxies leaking class loaders?");
        assertThat(c.hypotheses().get(0).status()).isEqualTo(HypothesisStatus.SUPPORTED);
        assertThat(c.nextSteps()).extracting(s -> s.text()).containsExactly("Cap the proxy cache", "Rerun with -Xlog:class+unload");
        assertThat(c.nextSteps()).allMatch(s -> !s.done() && s.priority() == null);
        assertThat(c.references()).extracting(r -> r.title()).containsExactly("JDK-8277072");
        assertThat(c.artifacts().get(0).id()).isEqualTo("A1");
        assertThat(p.unknown().size()).isZero();
        assertThat(Priority.parse(" p2 ")).isEqualTo(Priority.P2);
    }

    @Test
    void brokenJsonNamesTheByte() {
        String json = CaseJson.toJson(SampleCases.rich());
        byte[] cut = json.substring(0, 300).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CaseJson.parse(cut, FILE)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("t.inquest: not a valid case file")
                .satisfies(e -> assertThat(((BadInputException) e).offset()).isEqualTo(300));
    }

    @Test
    void foreignJsonIsNotACase() {
        assertThatThrownBy(() -> CaseJson.parse("{\"name\": \"package.json\"}".getBytes(), FILE))
                .isInstanceOf(BadInputException.class).hasMessage("t.inquest: not an Inquest case (no formatVersion field) at byte 0");
        assertThatThrownBy(() -> CaseJson.parse("{\"formatVersion\": 2, \"title\": \"x\", \"status\": \"Maybe\"}".getBytes(), FILE))
                .isInstanceOf(BadInputException.class).hasMessageContaining("Maybe");
    }
}
