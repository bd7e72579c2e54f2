package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.heap.model.DominatorRow;
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
import dev.inquest.heap.query.ObjectBrief;
import dev.inquest.heap.query.ClassHolders;
import dev.inquest.heap.query.Holdings;
import dev.inquest.heap.query.Suspect;
import dev.inquest.heap.query.SuspectPart;
import dev.inquest.heap.query.ThreadOverview;
import dev.inquest.heap.query.WhyAlive;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract's JSON shapes (cli.md, cli-extensions.md) as {@link JsonShapes} lays them over the
 * engine records: field names, their order, which fields appear when, and how numbers are written.
 * Built from hand-made records, so a renamed record component shows here without a dump.
 */
class JsonShapesTest {
    private static final ObjectMapper READER = new ObjectMapper();

    private static JsonNode json(Object value) throws Exception {
        return READER.readTree(CliJson.write(value));
    }

    private static JsonNode json(Object value, Class<?> view) throws Exception {
        return READER.readTree(CliJson.write(value, view));
    }

    private static List<String> names(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void dominatorsWithAndWithoutGroups() throws Exception {
        DominatorRow row = new DominatorRow(7, 0x7f00, "a.B", 3, 16, 1000, 12.3456);
        JsonNode single = json(List.of(row), JsonShapes.Views.Objects.class).get(0);
        assertThat(names(single)).containsExactly("address", "class", "shallow", "retained", "percent");
        assertThat(single.get("address").asText()).isEqualTo("0x7f00");
        assertThat(single.get("percent").toString()).isEqualTo("12.35");
        JsonNode grouped = json(List.of(row), JsonShapes.Views.Groups.class).get(0);
        assertThat(names(grouped)).containsExactly("class", "count", "shallow", "retained", "percent");
    }

    @Test
    void pathStepsNameTheRootOnlyWhereThereIsOne() throws Exception {
        PathResult r = new PathResult(1, 0x10, "a.B", List.of(List.of(new PathStep(1, 0x10, "a.B", null, null),
                new PathStep(2, 0x20, "class a.C", "field", "System Class"))));
        JsonNode n = json(new JsonShapes.PathsJson(r, true, List.of("heap dump segment cut short at byte 4096"), false));
        assertThat(names(n)).containsExactly("address", "class", "paths", "truncated", "problems", "pathsLimited");
        assertThat(n.get("problems").get(0).asText()).isEqualTo("heap dump segment cut short at byte 4096");
        JsonNode steps = n.get("paths").get(0);
        assertThat(names(steps.get(0))).containsExactly("address", "class", "field");
        assertThat(steps.get(0).get("field").isNull()).isTrue();
        assertThat(names(steps.get(1))).containsExactly("address", "class", "field", "root");
        assertThat(steps.get(1).get("root").asText()).isEqualTo("System Class");
    }

    @Test
    void suspectsFlattenTheContainerAndOmitWhatIsMissing() throws Exception {
        ObjectBrief brief = new ObjectBrief(1, 0xff, "java.util.HashMap", 48, 900);
        ContainerInfo container = new ContainerInfo(1, 0xff, "java.util.HashMap", ContainerKind.MAP, "java.util.HashMap",
                12, "a.R", 12, 800, 12);
        Duplication dup = new Duplication("a.R", 12, "id", 3, 9, 600);
        Suspect full = new Suspect("t", "single", "a.H", 1, 900, 64.7149, brief, brief, container, "H.MAP",
                List.of(new PathStep(1, 0xff, "java.util.HashMap", null, null)), dup, "why");
        JsonNode n = json(List.of(full)).get(0);
        assertThat(names(n)).containsExactly("title", "class", "count", "retained", "percent", "accumulation", "path",
                "explanation", "kind", "dominator", "holder", "containerKind", "containerType", "elementCount",
                "elementClass", "elementClassCount", "elementClassRetained", "duplication");
        assertThat(n.get("percent").toString()).isEqualTo("64.71");
        assertThat(n.get("containerKind").asText()).isEqualTo("map");
        assertThat(names(n.get("accumulation"))).containsExactly("address", "class", "retained");
        assertThat(names(n.get("duplication"))).containsExactly("class", "instances", "keyField", "distinctKeys",
                "redundantInstances", "redundantRetained");
        Suspect bare = new Suspect("t", "group", "a.H", 5, 900, 20, brief, brief, null, null, List.of(), null, "why");
        assertThat(names(json(List.of(bare)).get(0))).containsExactly("title", "class", "count", "retained", "percent",
                "accumulation", "path", "explanation", "kind", "dominator", "holder");
    }

    /** Issue 19: a split suspect adds {@code parts}, each shaped like a suspect's own fields; heap why and holders add the holders. */
    @Test
    void splitSuspectPartsAndHoldersAreAddedFields() throws Exception {
        ObjectBrief child = new ObjectBrief(2, 0x10, "a.Log", 16, 700);
        ObjectBrief list = new ObjectBrief(3, 0x20, "java.util.ArrayList", 24, 680);
        ContainerInfo container = new ContainerInfo(3, 0x20, "java.util.ArrayList", ContainerKind.LIST, "java.util.ArrayList",
                100, "a.W", 100, 600, 100);
        SuspectPart withList = new SuspectPart("log", child, list, "Log.served", container, 700, 63.456, 680,
                new Duplication("a.Dto", 100, "id", 35, 65, 300));
        SuspectPart bare = new SuspectPart(null, child, child, null, null, 300, 27.1, 300, null);
        ObjectBrief seeds = new ObjectBrief(1, 0x08, "class a.Seeds", 0, 1000);
        Suspect s = new Suspect("Log.served holds 100 a.W (680 B)", "single", "class a.Seeds", 1, 1000, 90.0, seeds, seeds,
                null, "Object[].[1]", List.of(), null, "why", List.of(withList, bare));
        JsonNode n = json(List.of(s)).get(0);
        assertThat(names(n)).containsExactly("title", "class", "count", "retained", "percent", "accumulation", "path",
                "explanation", "kind", "dominator", "holder", "parts");
        JsonNode p = n.get("parts").get(0);
        assertThat(names(p)).containsExactly("holder", "field", "retained", "percent", "child", "accumulation",
                "accumulationRetained", "containerKind", "containerType", "elementCount", "elementClass",
                "elementClassCount", "elementClassRetained", "duplication");
        assertThat(p.get("percent").toString()).isEqualTo("63.46");
        assertThat(p.get("containerKind").asText()).isEqualTo("list");
        assertThat(names(p.get("child"))).containsExactly("address", "class", "retained");
        assertThat(p.get("duplication").get("class").asText()).isEqualTo("a.Dto");
        assertThat(names(n.get("parts").get(1))).containsExactly("retained", "percent", "child", "accumulation",
                "accumulationRetained");

        Holdings.Holding h = new Holdings.Holding("Log.served", list, ContainerKind.LIST, 100);
        java.io.StringWriter text = new java.io.StringWriter();
        HeapWhyCommand.writeJson(new java.io.PrintWriter(text), new WhyAlive.Result("a.W", 100, 100, 0, List.of(), List.of(h)),
                false, List.of());
        JsonNode w = READER.readTree(text.toString()).get("holders").get(0);
        assertThat(names(w)).containsExactly("holder", "objects", "kind", "container");
        assertThat(w.get("holder").asText()).isEqualTo("Log.served");
        assertThat(w.get("objects").asLong()).isEqualTo(100);
        assertThat(w.get("kind").asText()).isEqualTo("list");
        assertThat(w.get("container").get("address").asText()).isEqualTo("0x20");
        JsonNode held = json(new ClassHolders.Result("a.W", 100, 600, List.of(), 1, List.of(h)));
        assertThat(names(held)).containsExactly("class", "instances", "retained", "groups", "holders", "heldIn");
        assertThat(names(held.get("heldIn").get(0))).containsExactly("holder", "objects", "kind", "container");
        assertThat(names(held.get("heldIn").get(0).get("container"))).containsExactly("address", "class", "retained");
    }

    @Test
    void compareRowsPerClassAndPerPackage() throws Exception {
        ClassDelta d = new ClassDelta("a.B", true, 1, 4, 16, 64, 100, 400);
        JsonNode c = json(List.of(d), JsonShapes.Views.Classes.class).get(0);
        assertThat(names(c)).containsExactly("class", "countBefore", "countAfter", "countDelta", "shallowDelta",
                "retainedDelta", "new", "shallowBefore", "shallowAfter", "retainedBefore", "retainedAfter");
        assertThat(c.get("countDelta").asLong()).isEqualTo(3);
        assertThat(c.get("new").asBoolean()).isTrue();
        JsonNode p = json(List.of(new JsonShapes.PackageDelta(d)), JsonShapes.Views.Packages.class).get(0);
        assertThat(names(p)).containsExactly("package", "countBefore", "countAfter", "countDelta", "shallowDelta",
                "retainedDelta", "shallowBefore", "shallowAfter", "retainedBefore", "retainedAfter");
        assertThat(p.get("package").asText()).isEqualTo("a.B");
    }

    @Test
    void exampleAndLargestAreAddressesNotNodes() throws Exception {
        JsonNode s = json(new DuplicateString("<redacted: 3 chars>", true, 3, 10, 400, 440, 5, 0xabc));
        assertThat(names(s)).containsExactly("value", "redacted", "length", "count", "wastedBytes", "totalBytes", "example");
        assertThat(s.get("example").asText()).isEqualTo("0xabc");
        JsonNode o = json(new DuplicateObject("a.V", 200, "userId", "String", 200, 4, 196, 3136, "u1", false, 50, 9, 0xdef));
        assertThat(names(o)).containsExactly("class", "instances", "keyField", "keyType", "keyedInstances", "distinctKeys",
                "surplusInstances", "wastedBytes", "topKey", "redacted", "topKeyCount", "example");
        assertThat(o.get("example").asText()).isEqualTo("0xdef");
        JsonNode c = json(new CollectionFill.Row("java.util.ArrayList", 3, 1, 5, 30, 5 / 30.0, 100,
                new long[] {1, 1, 1, 0, 0, 0, 0}, 9, 3, 10, 0x123));
        assertThat(names(c)).containsExactly("class", "count", "empty", "size", "capacity", "fillRatio", "wastedBytes",
                "buckets", "largest", "largestSize", "largestCapacity");
        assertThat(c.get("fillRatio").toString()).isEqualTo("0.1667");
        assertThat(names(c.get("buckets"))).containsExactlyElementsOf(CollectionFill.BUCKET_LABELS);
        assertThat(c.get("largest").asText()).isEqualTo("0x123");
    }

    @Test
    void threadsLoadersAndWhy() throws Exception {
        JsonNode t = json(new ThreadOverview.Row(1, 2, 0x30, "main", "java.lang.Thread", 500, 4, 300, List.of(),
                List.of(new StackFrame("a.B", "run", "()V", "B.java", 12))));
        assertThat(names(t)).containsExactly("name", "address", "class", "retained", "locals", "localsRetained", "frames");
        assertThat(names(t.get("frames").get(0))).containsExactly("class", "method", "source", "line");
        JsonNode l = json(new ClassLoaders.Result(List.of(new ClassLoaders.Loader(1, 0x40, "a.L", 2, 3, 48, 900)),
                List.of(new ClassLoaders.DuplicatedClass("a.P", 2, 5, List.of(0x40L, 0x50L)))));
        assertThat(names(l)).containsExactly("loaders", "duplicatedClasses");
        assertThat(names(l.get("loaders").get(0))).containsExactly("address", "class", "classes", "instances",
                "instancesShallow", "retained");
        assertThat(names(l.get("duplicatedClasses").get(0))).containsExactly("class", "loaders", "instances");
        WhyAlive.Group leaf = new WhyAlive.Group("a.V", "[]", 3, 3, 48, null, 0x60, List.of());
        WhyAlive.Group root = new WhyAlive.Group("class a.R", null, 1, 3, 48, "System Class", 0x50, List.of(leaf));
        java.io.StringWriter text = new java.io.StringWriter();
        HeapWhyCommand.writeJson(new java.io.PrintWriter(text), new WhyAlive.Result("a.V", 4, 3, 1, List.of(root)), false, List.of());
        JsonNode w = READER.readTree(text.toString());
        assertThat(names(w)).containsExactly("class", "instances", "withPath", "unreached", "roots", "depth", "truncated",
                "problems", "holders");
        assertThat(w.get("holders").size()).isZero();
        assertThat(w.get("depth").asInt()).isEqualTo(2);
        assertThat(w.get("truncated").asBoolean()).isFalse();
        assertThat(w.get("problems").size()).isZero();
        JsonNode r = w.get("roots").get(0);
        assertThat(names(r)).containsExactly("class", "field", "nodes", "objects", "objectsShallow", "root", "example",
                "children");
        assertThat(names(r.get("children").get(0))).containsExactly("class", "field", "nodes", "objects",
                "objectsShallow", "example", "children");
        assertThat(r.get("field").isNull()).isTrue();
        assertThat(r.get("example").asText()).isEqualTo("0x50");
        assertThat(r.get("children").get(0).get("field").asText()).isEqualTo("[]");
        assertThat(r.get("children").get(0).get("objectsShallow").asLong()).isEqualTo(48);
    }

    /** Issue 17: an array answer keeps its shape; each row says whether its figures come from a cut dump, views apply. */
    @Test
    void arrayRowsCarryTruncatedObjectsCarryTruncatedAndProblems() throws Exception {
        DominatorRow row = new DominatorRow(7, 0x7f00, "a.B", 3, 16, 1000, 12.3456);
        JsonNode single = json(List.of(new JsonShapes.Marked(row, true)), JsonShapes.Views.Objects.class).get(0);
        assertThat(names(single)).containsExactly("address", "class", "shallow", "retained", "percent", "truncated");
        assertThat(single.get("truncated").asBoolean()).isTrue();
        assertThat(single.get("percent").toString()).isEqualTo("12.35");
        JsonNode grouped = json(List.of(new JsonShapes.Marked(row, false)), JsonShapes.Views.Groups.class).get(0);
        assertThat(names(grouped)).containsExactly("class", "count", "shallow", "retained", "percent", "truncated");
        assertThat(grouped.get("truncated").asBoolean()).isFalse();
        ClassDelta d = new ClassDelta("a.B", true, 1, 4, 16, 64, 100, 400);
        JsonNode p = json(List.of(new JsonShapes.Marked(new JsonShapes.PackageDelta(d), true)), JsonShapes.Views.Packages.class)
                .get(0);
        assertThat(names(p)).startsWith("package", "countBefore").endsWith("retainedAfter", "truncated").doesNotContain("new");
        JsonNode l = json(new JsonShapes.Damaged(new ClassLoaders.Result(List.of(), List.of()), true,
                List.of("class dump record cut short at byte 77")));
        assertThat(names(l)).containsExactly("loaders", "duplicatedClasses", "truncated", "problems");
        assertThat(l.get("problems").get(0).asText()).isEqualTo("class dump record cut short at byte 77");
    }

    /**
     * Issue 17: the merged paths of a 2,000,000-object linked list are a 2,000,000-row chain; the
     * JSON writer walks it without recursion and nests at most {@link HeapWhyCommand#JSON_DEPTH}
     * rows, the last saying how many rows it leaves out, {@code depth} the real depth.
     */
    @Test
    void whyJsonOfATwoMillionRowChainIsBoundedAndSaysWhatItLeavesOut() throws Exception {
        int n = 2_000_000;
        WhyAlive.Group g = new WhyAlive.Group("a.End", "end", 1, 1, 16, null, 0x10, List.of());
        for (int i = n - 1; i >= 1; i--) {
            g = new WhyAlive.Group("a.Node", "next", 1, 1, 16, null, 0x20L + 16L * i, List.of(g));
        }
        WhyAlive.Group top = new WhyAlive.Group("class a.Holder", null, 1, 1, 16, "System Class", 0x8, List.of(g));
        java.io.StringWriter text = new java.io.StringWriter();
        HeapWhyCommand.writeJson(new java.io.PrintWriter(text), new WhyAlive.Result("a.End", 1, 1, 0, List.of(top)), true,
                List.of("cut"));
        JsonNode w = READER.readTree(text.toString());
        assertThat(w.get("depth").asInt()).isEqualTo(n + 1);
        assertThat(w.get("truncated").asBoolean()).isTrue();
        JsonNode row = w.get("roots").get(0);
        int level = 1;
        while (row.get("children").size() > 0) {
            row = row.get("children").get(0);
            level++;
        }
        assertThat(level).isEqualTo(HeapWhyCommand.JSON_DEPTH);
        assertThat(row.get("omittedRows").asLong()).isEqualTo(n + 1 - HeapWhyCommand.JSON_DEPTH);
        assertThat(text.toString().length()).isLessThan(200_000);
    }

    /** Issue 17: a path of 2,000,000 steps prints in bounded text: both ends, the count left out, indentation capped. */
    @Test
    void aTwoMillionStepPathPrintsBothEndsAndWhatIsLeftOut() {
        int n = 2_000_000;
        List<PathStep> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            steps.add(new PathStep(i, 0x1000L + 16L * i, i == n - 1 ? "class a.Holder" : "a.Node", i == 0 ? null : "next",
                    i == n - 1 ? "System Class" : null));
        }
        java.io.StringWriter text = new java.io.StringWriter();
        DeepText.path(new java.io.PrintWriter(text), "  ", steps);
        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(DeepText.HEAD + DeepText.TAIL + 1);
        assertThat(lines[0]).isEqualTo("  a.Node @ 0x1000");
        assertThat(lines[1]).isEqualTo("    <- next in a.Node @ 0x1010");
        assertThat(lines[DeepText.HEAD]).contains("... 1,999,900 steps left out (--json lists every step) ...");
        assertThat(lines[lines.length - 1]).endsWith("[depth 1,999,999] <- next in class a.Holder @ 0x"
                + Long.toHexString(0x1000L + 16L * (n - 1)) + "  [GC root: System Class]");
        for (String line : lines) {
            assertThat(line.length()).isLessThan(150);
        }
    }
}
