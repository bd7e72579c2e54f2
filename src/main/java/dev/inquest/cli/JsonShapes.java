package dev.inquest.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.inquest.heap.model.DominatorRow;
import dev.inquest.heap.model.HeapSummary;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.PathResult;
import dev.inquest.heap.model.PathStep;
import dev.inquest.heap.model.StackFrame;
import dev.inquest.heap.query.ClassDelta;
import dev.inquest.heap.query.ClassLoaders;
import dev.inquest.heap.query.CollectionFill;
import dev.inquest.heap.query.ContainerInfo;
import dev.inquest.heap.query.ContainerKind;
import dev.inquest.heap.query.DuplicateObject;
import dev.inquest.heap.query.DuplicateString;
import dev.inquest.heap.query.Duplication;
import dev.inquest.heap.query.ClassHolders;
import dev.inquest.heap.query.Holdings;
import dev.inquest.heap.query.ObjectBrief;
import dev.inquest.heap.query.Suspect;
import dev.inquest.heap.query.SuspectPart;
import java.util.List;
import dev.inquest.heap.query.ThreadOverview;
import java.io.IOException;

/**
 * The JSON shapes of the command-line contract (/work/shared/docs/cli.md, docs/cli-extensions.md),
 * laid over the engines' records as Jackson mix-ins. The records stay free of Jackson and of the
 * command line's choices (field names such as {@code "class"}, addresses as {@code "0x..."}
 * strings, percentages to two decimals); the window shows the same records its own way.
 *
 * <p>Each mix-in names the contract's field order; components it does not rename appear under
 * their own names, internal ones (dense node numbers) are ignored. A record component the
 * contract does not know yet therefore appears as a new field at the end: the contract allows
 * adding fields, never renaming or dropping one. {@code jfr summary} needs no mix-in: its record's
 * components are the contract's names in the contract's order.
 */
final class JsonShapes {
    private JsonShapes() {
    }

    static ObjectMapper register(ObjectMapper m) {
        return m.addMixIn(HeapSummary.class, Summary.class)
                .addMixIn(HistogramRow.class, Histogram.class)
                .addMixIn(DominatorRow.class, Dominator.class)
                .addMixIn(PathResult.class, Paths.class)
                .addMixIn(PathStep.class, Step.class)
                .addMixIn(Suspect.class, SuspectShape.class)
                .addMixIn(SuspectPart.class, PartShape.class)
                .addMixIn(ObjectBrief.class, Brief.class)
                .addMixIn(ContainerInfo.class, Container.class)
                .addMixIn(ContainerKind.class, ContainerKindShape.class)
                .addMixIn(Duplication.class, DuplicationShape.class)
                .addMixIn(ClassDelta.class, Delta.class)
                .addMixIn(DuplicateString.class, DuplicateStringShape.class)
                .addMixIn(DuplicateObject.class, DuplicateObjectShape.class)
                .addMixIn(CollectionFill.Row.class, CollectionShape.class)
                .addMixIn(ThreadOverview.Row.class, ThreadShape.class)
                .addMixIn(StackFrame.class, Frame.class)
                .addMixIn(ClassLoaders.Loader.class, Loader.class)
                .addMixIn(ClassLoaders.DuplicatedClass.class, DuplicatedClass.class)
                .addMixIn(ClassHolders.Result.class, Holders.class)
                .addMixIn(Holdings.Holding.class, HoldingShape.class)
                .addMixIn(dev.inquest.jfr.nativemem.NativeMemory.Kind.class, NativeKindShape.class);
    }

    /** Views: one record, two shapes ({@code heap dominators} with and without {@code --group}; {@code heap compare --by}). */
    static final class Views {
        /** Top-level dominators, one object a row: {@code address}, no {@code count}. */
        interface Objects {
        }

        /** Dominators grouped by class or package: {@code count}, no {@code address}. */
        interface Groups {
        }

        /** {@code heap compare} per class: the name is {@code class}, and {@code new} says whether the baseline lacked it. */
        interface Classes {
        }

        /** {@code heap compare --by package}: the name is {@code package} ({@link PackageDelta}), no {@code new}. */
        interface Packages {
        }

        private Views() {
        }
    }

    /**
     * {@code heap path}: the engine's paths; whether the dump was read whole, and if not, what is
     * missing; {@code pathsLimited}: fewer paths than {@code --max} were searched because they are
     * so long ({@link HeapPathCommand#STEP_BUDGET}).
     */
    record PathsJson(@JsonUnwrapped PathResult result, boolean truncated, java.util.List<String> problems, boolean pathsLimited) {
    }

    /**
     * An object answer with the damage of the dump it was computed from, at its end (issue 17):
     * {@code "truncated"} and {@code "problems"}, false and [] for a whole dump.
     */
    record Damaged(@JsonUnwrapped Object answer, boolean truncated, java.util.List<String> problems) {
    }

    /**
     * A row of an array answer (the contract keeps those arrays) with {@code "truncated"} at its
     * end: the row's figures come from a dump cut short, so they cover only its readable part.
     */
    record Marked(@JsonUnwrapped Object row, boolean truncated) {
    }

    /** A {@code heap compare --by package} row: the name under {@code package}, then the class row's figures. */
    record PackageDelta(@JsonProperty("package") String name, @JsonUnwrapped ClassDelta delta) {
        PackageDelta(ClassDelta delta) {
            this(delta.name(), delta);
        }
    }

    // ---- heap summary, histogram, dominators, path ----

    @JsonPropertyOrder({"file", "format", "idSize", "compressedOops", "objects", "classes", "gcRoots", "usedHeap",
        "unreachableObjects", "unreachableHeap", "truncated", "parseMillis", "container", "objectAlignment", "dump",
        "dumps", "problems"})
    interface Summary {
    }

    @JsonPropertyOrder({"class", "count", "shallow", "retained"})
    interface Histogram {
        @JsonProperty("class") String name();
    }

    @JsonPropertyOrder({"address", "class", "count", "shallow", "retained", "percent"})
    @JsonIgnoreProperties("node")
    interface Dominator {
        @JsonView(Views.Objects.class) @JsonSerialize(using = Hex.class) long address();

        @JsonProperty("class") String className();

        @JsonView(Views.Groups.class) long count();

        @JsonSerialize(using = TwoDecimals.class) double percent();
    }

    @JsonPropertyOrder({"address", "class", "paths"})
    @JsonIgnoreProperties("node")
    interface Paths {
        @JsonSerialize(using = Hex.class) long address();

        @JsonProperty("class") String className();
    }

    /** A step of a path; {@code root} (GC root kinds) only on the step that is a root. */
    @JsonPropertyOrder({"address", "class", "field", "root"})
    @JsonIgnoreProperties("node")
    interface Step {
        @JsonSerialize(using = Hex.class) long address();

        @JsonProperty("class") String className();

        @JsonProperty("root") @JsonInclude(JsonInclude.Include.NON_NULL) String rootKinds();
    }

    // ---- heap suspects ----

    /** The container's fields are flat in the suspect ({@code containerKind}...), present only for a collection. */
    @JsonPropertyOrder({"title", "class", "count", "retained", "percent", "accumulation", "path", "explanation", "kind",
        "dominator", "holder", "container", "duplication"})
    interface SuspectShape {
        @JsonProperty("class") String className();

        @JsonSerialize(using = TwoDecimals.class) double percent();

        @JsonUnwrapped ContainerInfo container();

        @JsonInclude(JsonInclude.Include.NON_NULL) Duplication duplication();

        /** Issue 19: only on a suspect that splits. */
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SuspectPart> parts();
    }

    /** A part of a split suspect (issue 19): like a suspect's own fields, the container flat, absent ones left out. */
    @JsonPropertyOrder({"holder", "field", "retained", "percent", "child", "accumulation", "accumulationRetained",
        "container", "duplication"})
    interface PartShape {
        @JsonInclude(JsonInclude.Include.NON_NULL) String holder();

        @JsonInclude(JsonInclude.Include.NON_NULL) String field();

        @JsonSerialize(using = TwoDecimals.class) double percent();

        @JsonUnwrapped ContainerInfo container();

        @JsonInclude(JsonInclude.Include.NON_NULL) Duplication duplication();
    }

    @JsonPropertyOrder({"address", "class", "retained"})
    @JsonIgnoreProperties({"node", "shallow"})
    interface Brief {
        @JsonSerialize(using = Hex.class) long address();

        @JsonProperty("class") String className();
    }

    @JsonPropertyOrder({"containerKind", "containerType", "elementCount", "elementClass", "elementClassCount",
        "elementClassRetained"})
    @JsonIgnoreProperties({"node", "address", "className", "sizeField"})
    interface Container {
        @JsonProperty("containerKind") ContainerKind kind();

        @JsonProperty("containerType") String type();
    }

    /** {@code jfr native}: a series' kind by its stable name ("rss", "nmtCategory"). */
    interface NativeKindShape {
        @JsonValue String id();
    }

    interface ContainerKindShape {
        @JsonValue String label();
    }

    @JsonPropertyOrder({"class", "instances", "keyField", "distinctKeys", "redundantInstances", "redundantRetained"})
    interface DuplicationShape {
        @JsonProperty("class") String className();
    }

    // ---- heap compare ----

    @JsonPropertyOrder({"class", "countBefore", "countAfter", "countDelta", "shallowDelta", "retainedDelta", "new",
        "shallowBefore", "shallowAfter", "retainedBefore", "retainedAfter"})
    interface Delta {
        @JsonView(Views.Classes.class) @JsonProperty("class") String name();

        @JsonView(Views.Classes.class) @JsonProperty("new") boolean isNew();

        @JsonProperty("countDelta") long countDelta();

        @JsonProperty("shallowDelta") long shallowDelta();

        @JsonProperty("retainedDelta") long retainedDelta();
    }

    // ---- heap strings, duplicates, collections, threads, loaders (heap why writes its own: HeapWhyCommand) ----

    /** {@code example} is the address of one copy (the record's {@code example} is its node). */
    @JsonPropertyOrder({"value", "redacted", "length", "count", "wastedBytes", "totalBytes", "example"})
    interface DuplicateStringShape {
        @JsonIgnore long example();

        @JsonProperty("example") @JsonSerialize(using = Hex.class) long exampleAddress();
    }

    @JsonPropertyOrder({"class", "instances", "keyField", "keyType", "keyedInstances", "distinctKeys", "surplusInstances",
        "wastedBytes", "topKey", "redacted", "topKeyCount", "example"})
    interface DuplicateObjectShape {
        @JsonProperty("class") String className();

        @JsonIgnore long example();

        @JsonProperty("example") @JsonSerialize(using = Hex.class) long exampleAddress();
    }

    /** {@code largest} is the address of the largest instance (the record's {@code largest} is its node). */
    @JsonPropertyOrder({"class", "count", "empty", "size", "capacity", "fillRatio", "wastedBytes", "buckets", "largest",
        "largestSize", "largestCapacity"})
    interface CollectionShape {
        @JsonProperty("class") String className();

        @JsonProperty("count") long instances();

        @JsonSerialize(using = FourDecimals.class) double fillRatio();

        @JsonSerialize(using = Buckets.class) long[] buckets();

        @JsonIgnore long largest();

        @JsonProperty("largest") @JsonSerialize(using = Hex.class) long largestAddress();
    }

    @JsonPropertyOrder({"name", "address", "class", "retained", "locals", "localsRetained", "frames"})
    @JsonIgnoreProperties({"serial", "node", "biggestLocals"})
    interface ThreadShape {
        @JsonSerialize(using = Hex.class) long address();

        @JsonProperty("class") String className();
    }

    @JsonPropertyOrder({"class", "method", "source", "line"})
    @JsonIgnoreProperties("signature")
    interface Frame {
        @JsonProperty("class") String className();

        @JsonProperty("source") String sourceFile();
    }

    @JsonPropertyOrder({"address", "class", "classes", "instances", "instancesShallow", "retained"})
    @JsonIgnoreProperties("node")
    interface Loader {
        @JsonSerialize(using = Hex.class) long address();

        @JsonProperty("class") String className();
    }

    @JsonPropertyOrder({"class", "loaders", "instances"})
    @JsonIgnoreProperties("loaderAddresses")
    interface DuplicatedClass {
        @JsonProperty("class") String name();
    }

    @JsonPropertyOrder({"class", "instances", "retained", "groups", "holders", "heldIn"})
    interface Holders {
        @JsonProperty("class") String className();
    }

    /** Issue 19: a collection holding some of the objects; the same shape in {@code heap why}. */
    @JsonPropertyOrder({"holder", "objects", "kind", "container"})
    interface HoldingShape {
    }

    // ---- how numbers are written ----

    /** An address as the contract writes it: {@code "0x7f001234"}. */
    static final class Hex extends StdSerializer<Long> {
        Hex() {
            super(Long.class);
        }

        @Override
        public void serialize(Long address, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(HeapVerb.hex(address));
        }
    }

    /** A percentage (0-100) to two decimals. */
    static final class TwoDecimals extends StdSerializer<Double> {
        TwoDecimals() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeNumber(Math.round(v * 100) / 100.0);
        }
    }

    /** A ratio (0-1) to four decimals. */
    static final class FourDecimals extends StdSerializer<Double> {
        FourDecimals() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeNumber(Math.round(v * 10_000) / 10_000.0);
        }
    }

    /** Instances per size bucket, as an object keyed by the bucket's label ({@code "2-10": N}). */
    static final class Buckets extends StdSerializer<long[]> {
        Buckets() {
            super(long[].class);
        }

        @Override
        public void serialize(long[] buckets, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            for (int i = 0; i < buckets.length; i++) {
                g.writeNumberField(CollectionFill.BUCKET_LABELS.get(i), buckets[i]);
            }
            g.writeEndObject();
        }
    }
}
