package dev.inquest.ui.heap.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.query.Inspection;
import dev.inquest.heap.query.LeakSuspects;
import dev.inquest.heap.query.ObjectInspector;
import dev.inquest.heap.query.LeakDumps;
import dev.inquest.progress.Progress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's inspector shows the engine's fields: the same rows, Strings as their quoted text. */
class InspectorReadTest {
    @Test
    void fieldsAreTheEnginesWithStringsQuoted() throws Exception {
        try (HeapDump d = LeakDumps.open("wrappers")) {
            long list = LeakSuspects.find(d, Progress.NONE).suspects().getFirst().accumulation().node();
            long view = d.outbound(d.outbound(list).stream().filter(r -> r.field().equals("elementData"))
                    .findFirst().orElseThrow().node()).stream().filter(r -> !r.field().equals("<class>"))
                    .findFirst().orElseThrow().node();
            for (long node : new long[] {list, view}) {
                List<InspectorView.FieldRow> rows = InspectorView.read(d, node, Progress.NONE).fields();
                List<Inspection.Field> engine = ObjectInspector.fields(d, node, true, InspectorView.MAX_STRING);
                assertThat(rows).extracting(InspectorView.FieldRow::name).containsExactlyElementsOf(
                        engine.stream().map(Inspection.Field::name).toList());
                for (int i = 0; i < rows.size(); i++) {
                    Inspection.Field f = engine.get(i);
                    String expected = f.text() != null ? '"' + f.text() + '"' : f.value();
                    assertThat(rows.get(i).value()).as(f.name()).isEqualTo(expected);
                    assertThat(rows.get(i).target()).isEqualTo(f.target());
                }
            }
            InspectorView.FieldRow userId = InspectorView.read(d, view, Progress.NONE).fields().stream()
                    .filter(r -> r.name().equals("userId")).findFirst().orElseThrow();
            assertThat(userId.value()).isEqualTo("\"user-0\"");
            assertThat(userId.textValue()).isTrue();
            InspectorView.FieldRow size = InspectorView.read(d, list, Progress.NONE).fields().stream()
                    .filter(r -> r.name().equals("size")).findFirst().orElseThrow();
            assertThat(size.value()).isEqualTo("30000");
        }
    }
}
