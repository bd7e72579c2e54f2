package dev.inquest.investigation.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceKind;
import dev.inquest.investigation.model.EvidenceSource;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Figure;
import dev.inquest.investigation.model.FigureUnit;
import dev.inquest.investigation.model.Locator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Case files saved before evidence kinds, figure units and reopen ids became types
 * (src/test/resources/cases/pre-types): they open with every word read as the type it names and
 * the same figures, and are saved back as they were, byte for byte.
 */
class PreTypesCasesTest {
    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = PreTypesCasesTest.class.getResourceAsStream("/cases/pre-types/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<Evidence> evidence(Case c) {
        return c.hypotheses().stream().flatMap(h -> h.evidence().stream()).toList();
    }

    /** The evidence objects of the file as plain JSON, in the same order as {@link #evidence}. */
    private static List<JsonNode> rawEvidence(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        root.get("hypotheses").forEach(h -> h.path("evidence").forEach(out::add));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"window.inquest", "demo.inquest", "imported.inquest"})
    void opensWithTheSameWordsAndFiguresAndSavesBackUnchanged(String name) throws IOException {
        byte[] bytes = fixture(name);
        JsonNode raw = CaseJson.MAPPER.readTree(bytes);
        CaseJson.Parsed parsed = CaseJson.parse(bytes, Path.of(name));
        assertThat(parsed.fileVersion()).isEqualTo(Case.FORMAT_VERSION);
        assertThat(parsed.unknown().isEmpty()).isTrue();

        List<Evidence> ev = evidence(parsed.value());
        List<JsonNode> rawEv = rawEvidence(raw);
        assertThat(ev).hasSameSizeAs(rawEv).isNotEmpty();
        for (int i = 0; i < ev.size(); i++) {
            Evidence e = ev.get(i);
            JsonNode r = rawEv.get(i);
            assertThat(e.id()).isEqualTo(r.get("id").asText());
            // Every word this version wrote is one this build knows: none falls through to Other.
            assertThat(e.kind()).as(e.id()).isInstanceOf(EvidenceKind.Known.class);
            assertThat(e.kind().word()).isEqualTo(r.get("kind").asText());
            assertThat(e.figures()).hasSize(r.path("figures").size());
            for (int f = 0; f < e.figures().size(); f++) {
                Figure fig = e.figures().get(f);
                JsonNode rf = r.get("figures").get(f);
                assertThat(fig.name()).isEqualTo(rf.get("name").asText());
                assertThat(fig.value()).isEqualTo(rf.get("value").asDouble());
                assertThat(fig.unit()).as(e.id() + " " + fig.name()).isInstanceOf(FigureUnit.Known.class);
                assertThat(fig.unit().word()).isEqualTo(rf.get("unit").asText());
            }
            JsonNode rs = r.get("source");
            if (rs == null) {
                assertThat(e.source()).isNull();
                continue;
            }
            EvidenceSource s = e.source();
            assertThat(s.artifact()).isEqualTo(rs.get("artifact").asText());
            assertThat(s.view()).as(e.id()).isInstanceOf(EvidenceView.Known.class);
            assertThat(s.view().id()).isEqualTo(rs.get("view").asText());
            List<String> keys = new ArrayList<>();
            rs.path("locator").fieldNames().forEachRemaining(keys::add);
            assertThat(s.locator().keySet()).containsExactlyElementsOf(keys);
            typedLocatorReadsTheStoredStrings(s, rs.path("locator"));
        }

        // Saved again: the same bytes (same words, same order, same numbers).
        String again = CaseJson.toJson(parsed.value(), parsed.unknown());
        assertThat(CaseJson.MAPPER.readTree(again)).isEqualTo(raw);
        assertThat(again).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    private static void typedLocatorReadsTheStoredStrings(EvidenceSource s, JsonNode loc) {
        switch (s.view()) {
            case EvidenceView.Known.HEAP_OBJECT -> {
                Locator.HeapObject o = Locator.HeapObject.in(s).orElseThrow();
                assertThat(Locator.HeapObject.hex(o.address())).isEqualTo(loc.get("object").asText());
                assertThat(o.className()).isEqualTo(loc.get("class").asText());
                assertThat(o.entries()).isEqualTo(s.locator());
            }
            case EvidenceView.Known.HEAP_CLASS, EvidenceView.Known.HEAP_HISTOGRAM -> {
                Locator.HeapClass c = Locator.HeapClass.in(s).orElseThrow();
                assertThat(c.className()).isEqualTo(loc.get("class").asText());
                assertThat(c.entries()).isEqualTo(s.locator());
            }
            case EvidenceView.Known.JFR_ALLOC, EvidenceView.Known.JFR_CPU -> {
                List<String> stack = Locator.FlameFrame.stackIn(s).orElseThrow();
                assertThat(String.join(";", stack)).isEqualTo(loc.get("frame").asText());
                Locator.TimeRange range = Locator.TimeRange.in(s).orElse(null);
                if (loc.has("from")) {
                    assertThat(range.from()).isEqualTo(Instant.parse(loc.get("from").asText()));
                    assertThat(range.to()).isEqualTo(Instant.parse(loc.get("to").asText()));
                } else {
                    assertThat(range).isNull();
                }
                Locator.FlameFrame frame = new Locator.FlameFrame(stack, Locator.FlameFrame.weightIn(s).orElseThrow(), range);
                assertThat(frame.weight().word()).isEqualTo(loc.get("weight").asText());
                assertThat(frame.entries()).containsExactlyEntriesOf(s.locator());
            }
            case EvidenceView.Known.JFR_OLD_OBJECTS -> {
                Locator.OldObjectGroup g = Locator.OldObjectGroup.in(s).orElseThrow();
                assertThat(g.group()).isEqualTo(loc.get("group").asText());
                assertThat(g.bySite()).isEqualTo("site".equals(loc.get("by").asText()));
                assertThat(g.entries()).containsExactlyEntriesOf(s.locator());
            }
            case EvidenceView.Known.JFR_HEAP_TREND -> assertThat(s.locator()).isEqualTo(Locator.NONE.entries());
            default -> throw new AssertionError("no fixture pins from " + s.view());
        }
    }

    @Test
    void theFixturesCoverEveryKindUnitAndViewTheWindowAndTheDemoPin() throws IOException {
        Set<EvidenceKind> kinds = new java.util.HashSet<>();
        Set<FigureUnit> units = new java.util.HashSet<>();
        Set<EvidenceView> views = new java.util.HashSet<>();
        for (String name : List.of("window.inquest", "demo.inquest", "imported.inquest")) {
            for (Evidence e : evidence(CaseJson.parse(fixture(name), Path.of(name)).value())) {
                kinds.add(e.kind());
                e.figures().forEach(f -> units.add(f.unit()));
                if (e.source() != null) {
                    views.add(e.source().view());
                }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(EvidenceKind.NOTE, EvidenceKind.DOMINATOR_ROW, EvidenceKind.HISTOGRAM_ROW,
                EvidenceKind.HISTOGRAM_DELTA, EvidenceKind.FLAME_FRAME, EvidenceKind.HEAP_TREND, EvidenceKind.OLD_OBJECT_SAMPLE);
        assertThat(units).containsExactlyInAnyOrder(FigureUnit.BYTES, FigureUnit.COUNT, FigureUnit.PERCENT);
        assertThat(views).containsExactlyInAnyOrder(EvidenceView.HEAP_OBJECT, EvidenceView.HEAP_CLASS, EvidenceView.HEAP_HISTOGRAM,
                EvidenceView.JFR_ALLOC, EvidenceView.JFR_CPU, EvidenceView.JFR_HEAP_TREND, EvidenceView.JFR_OLD_OBJECTS);
    }

    /** Words a newer build may write are kept as they are, not dropped or rejected. */
    @Test
    void unknownWordsReadAsOtherAndAreWrittenBackUnchanged() throws IOException {
        ObjectNode root = (ObjectNode) CaseJson.MAPPER.readTree(fixture("window.inquest"));
        ObjectNode e = (ObjectNode) root.get("hypotheses").get(0).get("evidence").get(0);
        e.put("kind", "threadDump");
        ((ObjectNode) e.get("figures").get(0)).put("unit", "MB/s");
        ((ObjectNode) e.get("source")).put("view", "heap.threads");
        ((ObjectNode) e.get("source").get("locator")).put("thread", "main");
        byte[] bytes = CaseJson.MAPPER.writeValueAsBytes(root);

        Evidence read = evidence(CaseJson.parse(bytes, Path.of("x")).value()).getFirst();
        assertThat(read.kind()).isEqualTo(new EvidenceKind.Other("threadDump"));
        assertThat(read.figures().getFirst().unit()).isEqualTo(new FigureUnit.Other("MB/s"));
        assertThat(read.source().view()).isEqualTo(new EvidenceView.Other("heap.threads"));
        assertThat(read.source().view().engine()).isEqualTo(EvidenceView.Engine.HEAP);
        assertThat(read.source().locator()).containsEntry("thread", "main");
        var parsed = CaseJson.parse(bytes, Path.of("x"));
        assertThat(CaseJson.MAPPER.readTree(CaseJson.toJson(parsed.value(), parsed.unknown()))).isEqualTo(root);
    }

    @Test
    void eachWordMapsToOneValueAndBack() {
        for (EvidenceKind.Known k : EvidenceKind.Known.values()) {
            assertThat(EvidenceKind.of(k.word())).isSameAs(k);
        }
        for (FigureUnit.Known u : FigureUnit.Known.values()) {
            assertThat(FigureUnit.of(u.word())).isSameAs(u);
        }
        for (EvidenceView.Known v : EvidenceView.Known.values()) {
            assertThat(EvidenceView.of(v.id())).isSameAs(v);
        }
        assertThat(Stream.of(EvidenceKind.Known.values()).map(EvidenceKind::word).distinct()).hasSize(EvidenceKind.Known.values().length);
        assertThat(FigureUnit.of(null)).isSameAs(FigureUnit.NONE);
        assertThat(EnumSet.allOf(dev.inquest.investigation.model.LocatorKey.class)).extracting(k -> k.word())
                .doesNotHaveDuplicates();
        assertThat(Map.of()).isEqualTo(Locator.NONE.entries());
    }
}
