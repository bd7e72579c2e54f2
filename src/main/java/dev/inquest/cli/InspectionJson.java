package dev.inquest.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.ObjectRef;
import dev.inquest.heap.query.GrowthPath;
import dev.inquest.heap.query.Inspection;
import java.util.List;

/**
 * The two JSON shapes that interleave several engine records ({@code heap inspect}, {@code heap
 * compare --paths}), as typed records with the contract's names: every other verb writes the
 * engine's records themselves through {@link JsonShapes}.
 */
final class InspectionJson {
    private InspectionJson() {
    }

    /** {@code heap inspect --json}. */
    record Inspected(String address, @JsonProperty("class") String className, long shallow, long retained, String root,
            String value, List<Field> fields, List<Ref> outbound, List<Ref> inbound, long inboundTotal,
            List<Count> retainedSet) {
        static Inspected of(Inspection i, HeapDump dump) {
            return new Inspected(HeapVerb.hex(i.object().address()), i.object().className(), i.object().shallow(),
                    i.object().retained(), i.rootKinds(), i.text(),
                    i.fields().stream().map(f -> new Field(f.name(), f.type(), f.isStatic(), f.value(),
                            f.target() < 0 ? null : HeapVerb.hex(dump.address(f.target())))).toList(),
                    i.outbound().stream().map(Ref::of).toList(), i.inbound().stream().map(Ref::of).toList(),
                    i.inboundTotal(), i.retainedSet().stream().map(c -> new Count(c.className(), c.count(), c.shallow())).toList());
        }
    }

    /** A field with its value as text; {@code target} is the referenced object's address, or null. */
    record Field(String name, String type, @JsonProperty("static") boolean isStatic, String value, String target) {
    }

    record Ref(String field, String address, @JsonProperty("class") String className) {
        static Ref of(ObjectRef r) {
            return new Ref(r.field(), HeapVerb.hex(r.address()), r.className());
        }
    }

    record Count(@JsonProperty("class") String className, long count, long shallow) {
    }

    /** {@code heap compare --paths --json}: a grown dominator path and the largest object that has it now, or null. */
    record Path(List<String> path, @JsonProperty("class") String className, long countBefore, long countAfter,
            long retainedBefore, long retainedAfter, long retainedDelta, String object) {
        static Path of(GrowthPath p) {
            return new Path(p.delta().path(), p.className(), p.delta().countBefore(), p.delta().countAfter(),
                    p.delta().retainedBefore(), p.delta().retainedAfter(), p.delta().retainedDelta(),
                    p.node() < 0 ? null : HeapVerb.hex(p.address()));
        }
    }
}
