package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.heap.model.PathStep;
import dev.inquest.progress.Progress;
import dev.inquest.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: no command recurses on the depth of the object graph. A child JVM dumps a linked list
 * of 2,000,000 nodes held by a static (its last node holding a {@code ChainEnd}) and a ring of
 * 200,000 (the node farthest from the static holding a {@code RingEnd}); every command that walks
 * paths, holders or the dominator tree answers in bounded text, and JSON readers can read.
 */
@Tag("slow")
class DeepChainCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int CHAIN = 2_000_000;
    static final int RING = 200_000;
    static final String NODE = "DeepChain$ChainNode";
    static final String RING_NODE = "DeepChain$RingNode";

    @TempDir
    static Path dir;
    static Path dump;
    static String end;
    static String head;
    static String ringEnd;
    static String ringHead;

    @BeforeAll
    static void dump() throws Exception {
        Path classes = dir.resolve("classes");
        Path src = ChildJvm.workloadSource("DeepChain", dir);
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertThat(rc).isZero();
        dump = dir.resolve("deep.hprof");
        ChildJvm.run(List.of(ChildJvm.java().toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classes.toString(), "DeepChain", dump.toString()), dir, 120);
        // Opened once with its index file, which every command below then reads.
        try (HeapDump d = HeapDump.open(dump, OpenOptions.DEFAULT, Progress.NONE)) {
            long e = d.reachableInstances("DeepChain$ChainEnd", Progress.NONE).getFirst();
            end = hex(d.address(e));
            head = hex(lastOf(d.pathsToRoots(e, 1, true, Progress.NONE).paths().getFirst(), NODE).address());
            long re = d.reachableInstances("DeepChain$RingEnd", Progress.NONE).getFirst();
            ringEnd = hex(d.address(re));
            ringHead = hex(lastOf(d.pathsToRoots(re, 1, true, Progress.NONE).paths().getFirst(), RING_NODE).address());
        }
    }

    static PathStep lastOf(List<PathStep> path, String className) {
        return path.stream().filter(s -> s.className().equals(className)).reduce((a, b) -> b).orElseThrow();
    }

    static String hex(long address) {
        return String.format("0x%x", address);
    }

    static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("heap", args[0], dump.toString()));
        all.addAll(List.of(args).subList(1, args.length));
        CliRun r = CliRun.run(all.toArray(String[]::new));
        assertThat(r.exit()).as(all + ": " + r.err()).isZero();
        assertThat(r.err()).as(all.toString()).isEmpty();
        return r;
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** Reads the whole document with a streaming parser (a tree of 2M steps would need gigabytes): it is JSON, to its end. */
    static void wellFormed(String json) throws Exception {
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            while (p.nextToken() != null) {
                p.skipChildren();
            }
        }
    }

    static String[] lines(String text) {
        return text.split("\\n");
    }

    static void boundedLines(String text, int maxLines) {
        String[] lines = lines(text);
        assertThat(lines.length).isLessThanOrEqualTo(maxLines);
        for (String l : lines) {
            assertThat(l.length()).isLessThan(200);
        }
    }

    @Test
    void pathOfTwoMillionStepsPrintsBothEndsAndJsonHasEveryStep() throws Exception {
        CliRun text = run("path", "--object", end);
        boundedLines(text.out(), 120);
        // Ten paths were asked for (the default); each is over 2,000,000 steps, so one is searched and printed.
        assertThat(text.out()).startsWith("DeepChain$ChainEnd @ " + end + ": 1 shortest path(s) to GC roots")
                .contains("(at most 1 path(s) of 2,000,0").contains(" steps or more searched of the 10 asked: 1,000,000 steps in all at most)")
                .contains("<- end in " + NODE + " @ ").contains("[depth 50] ... ").contains(" steps left out (--json lists every step) ...")
                .contains("[GC root: ");
        CliRun json = run("path", "--object", end, "--json");
        wellFormed(json.out());
        assertThat(count(json.out(), "\"class\" : \"" + NODE + "\"")).isEqualTo(CHAIN);
        assertThat(json.out()).startsWith("{\n  \"address\" : \"" + end + "\"").contains("\"truncated\" : false")
                .contains("\"pathsLimited\" : true");
        CliRun ring = run("path", "--object", ringEnd, "--json");
        wellFormed(ring.out());
        // Paths of just over 200,000 steps: four fit the budget of 1,000,000, each through the whole ring.
        assertThat(count(ring.out(), "\"address\" : \"" + ringEnd + "\"")).isEqualTo(1 + 4);
        assertThat(count(ring.out(), "\"class\" : \"" + RING_NODE + "\"")).isEqualTo(4 * RING);
        assertThat(ring.out()).contains("\"pathsLimited\" : true");
    }

    @Test
    void whyOnTwoMillionRowsIsBoundedInTextAndJson() throws Exception {
        CliRun text = run("why", "--class", "DeepChain$ChainEnd");
        boundedLines(text.out(), 40);
        assertThat(text.out()).startsWith("1 DeepChain$ChainEnd: 1 reached by strong references, 0 only through weak/soft/phantom ones")
                .contains("rows below (--depth N shows more)");
        CliRun deep = run("why", "--class", "DeepChain$ChainEnd", "--depth", "100000");
        boundedLines(deep.out(), 100_003);
        assertThat(deep.out()).contains("[depth 100,000] next -> " + NODE + " @ ");
        for (String[] q : List.of(new String[] {"DeepChain$ChainEnd", "" + CHAIN}, new String[] {"DeepChain$RingEnd", "" + RING})) {
            JsonNode j = JSON.readTree(run("why", "--class", q[0], "--json").out());
            assertThat(j.get("withPath").asLong()).isEqualTo(1);
            assertThat(j.get("depth").asLong()).as(q[0]).isGreaterThan(Long.parseLong(q[1]));
            JsonNode row = j.get("roots").get(0);
            int level = 1;
            while (!row.get("children").isEmpty()) {
                row = row.get("children").get(0);
                level++;
            }
            assertThat(level).isEqualTo(HeapWhyCommand.JSON_DEPTH);
            assertThat(row.get("omittedRows").asLong()).isEqualTo(j.get("depth").asLong() - HeapWhyCommand.JSON_DEPTH);
            assertThat(j.get("truncated").asBoolean()).isFalse();
            // Issue 19: a chain's end sits in no collection: no holder is named (rather than a link of the chain).
            assertThat(j.get("holders").size()).as(q[0]).isZero();
        }
    }

    @Test
    void holdersUnderATwoMillionDeepDominatorChain() throws Exception {
        JsonNode j = JSON.readTree(run("holders", "--class", "DeepChain$ChainEnd", "--json").out());
        assertThat(j.get("instances").asLong()).isEqualTo(1);
        JsonNode h = j.get("holders").get(0);
        assertThat(h.get("holder").get("class").asText()).isEqualTo(NODE);
        assertThat(h.get("above").size()).isBetween(1, 8);
        assertThat(run("holders", "--class", "DeepChain$ChainEnd").out()).contains("held by " + NODE + " @ ");
        JsonNode ring = JSON.readTree(run("holders", "--class", "DeepChain$RingEnd", "--json").out());
        assertThat(ring.get("holders").get(0).get("holder").get("class").asText()).isEqualTo(RING_NODE);
    }

    @Test
    void dominatorsOfTheHeadAndInspectOfBothEnds() throws Exception {
        JsonNode rows = JSON.readTree(run("dominators", "--object", head, "--json").out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("class").asText()).isEqualTo(NODE);
        // Every node but the head, and the ChainEnd: 24 bytes each (16-byte node, compressed oops, 8-byte alignment).
        assertThat(rows.get(0).get("retained").asLong()).isEqualTo((CHAIN - 1) * 24L + 24);
        assertThat(rows.get(0).get("truncated").asBoolean()).isFalse();
        assertThat(run("dominators", "--object", ringHead).out()).contains(RING_NODE);
        JsonNode i = JSON.readTree(run("inspect", "--object", head, "--json").out());
        assertThat(i.get("retained").asLong()).isEqualTo(CHAIN * 24L + 24);
        JsonNode nodes = null;
        for (JsonNode c : i.get("retainedSet")) {
            if (c.get("class").asText().equals(NODE)) {
                nodes = c;
            }
        }
        assertThat(nodes).isNotNull();
        assertThat(nodes.get("count").asLong()).isEqualTo(CHAIN);
        assertThat(run("inspect", "--object", end).out()).startsWith("DeepChain$ChainEnd @ " + end);
        JsonNode r = JSON.readTree(run("inspect", "--object", ringHead, "--json").out());
        assertThat(r.get("class").asText()).isEqualTo(RING_NODE);
    }

    @Test
    void suspectsOfTheChainAreBoundedInTextAndReadableInJson() throws Exception {
        CliRun text = run("suspects");
        boundedLines(text.out(), 200);
        assertThat(text.out()).contains("Suspect 1: ").contains("Shortest strong path from a GC root:");
        CliRun json = run("suspects", "--json");
        wellFormed(json.out());
        assertThat(json.out()).startsWith("[ {").contains("\"truncated\" : false");
        // Issue 19: a chain keeps 70 % of each parent all the way down: the walk never splits.
        assertThat(json.out()).doesNotContain("\"parts\"");
    }

    /**
     * The link's chain matcher ("Find in heap dump" for an old-object sample) walks one frame per
     * link: a crafted recording's chain 150,000 links long, matched on a thread with a 1 MB stack
     * (a recursive walk overflows it), lands on the node 149,999 hops below the head.
     */
    @Test
    void aReferenceChainAsLongAsThousandsOfLinksIsMatchedWithoutRecursion() throws Exception {
        int length = 150_000;
        List<dev.inquest.link.ReferenceChain.Link> links = new ArrayList<>();
        links.add(new dev.inquest.link.ReferenceChain.Link("java.lang.Class", "DeepChain", null, -1, 0));
        links.add(new dev.inquest.link.ReferenceChain.Link(NODE, null, "chain", -1, 0));
        for (int i = 1; i < length; i++) {
            links.add(new dev.inquest.link.ReferenceChain.Link(NODE, null, "next", -1, 0));
        }
        dev.inquest.link.ReferenceChain chain = new dev.inquest.link.ReferenceChain("static field", links);
        try (HeapDump d = HeapDump.open(dump, OpenOptions.DEFAULT, Progress.NONE)) {
            dev.inquest.link.ChainMatch[] match = new dev.inquest.link.ChainMatch[1];
            Throwable[] failure = new Throwable[1];
            Thread t = new Thread(null, () -> {
                try {
                    match[0] = dev.inquest.link.ChainMatcher.match(d, chain, 1, Progress.NONE);
                } catch (Throwable e) {
                    failure[0] = e;
                }
            }, "small-stack", 1 << 20);
            t.start();
            t.join();
            assertThat(failure[0]).isNull();
            assertThat(match[0].complete()).isTrue();
            assertThat(match[0].matches()).hasSize(1);
            // The expected node, found by following "next" from the head without the matcher.
            long node = d.node(Long.decode(head));
            for (int i = 1; i < length; i++) {
                node = d.outbound(node).stream().filter(r -> "next".equals(r.field())).findFirst().orElseThrow().node();
            }
            assertThat(match[0].node()).isEqualTo(node);
        }
    }
}
