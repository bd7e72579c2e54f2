package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.heap.query.LeakDumps;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The query verbs (suspects, compare, ...) on the LeakPatterns dumps: contract JSON names, readable text. */
@Tag("slow")
class HeapQueriesCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    static String dump(String name) {
        return LeakDumps.file(name).toString();
    }

    @Test
    void suspectsJsonHasTheContractFields() throws Exception {
        CliRun r = run("heap", "suspects", dump("queue"), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.size()).isEqualTo(1);
        JsonNode s = j.get(0);
        assertThat(names(s)).startsWith("title", "class", "count", "retained", "percent", "accumulation", "path", "explanation");
        assertThat(names(s.get("accumulation"))).containsExactly("address", "class", "retained");
        assertThat(s.get("accumulation").get("class").asText()).isEqualTo("java.util.concurrent.ConcurrentLinkedDeque");
        assertThat(s.get("elementCount").asLong()).isEqualTo(20_000);
        assertThat(s.get("elementClass").asText()).isEqualTo("LeakPatterns$OutboundEvent");
        assertThat(s.get("containerKind").asText()).isEqualTo("queue");
        assertThat(s.get("holder").asText()).isEqualTo("LeakPatterns$Dispatcher.pending");
        assertThat(s.get("path").get(1).get("field").asText()).isEqualTo("pending");
        assertThat(s.get("path").get(0).get("address").asText()).startsWith("0x");
    }

    /** Issue 19: the suspect that splits, in JSON and text; heap why and heap holders name the two collections. */
    @Test
    void splitSuspectAndItsHoldersOnTheCommandLine() throws Exception {
        CliRun r = run("heap", "suspects", dump("split"), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode s = JSON.readTree(r.out()).get(0);
        assertThat(s.get("title").asText()).startsWith("LeakPatterns$ResponseLog.served holds 100,000 LeakPatterns$AssetResponseWrapper (")
                .contains("; LeakPatterns$AssetManager.assets holds 35,000 (");
        assertThat(s.get("class").asText()).isEqualTo("class LeakPatterns$Seeds");
        JsonNode parts = s.get("parts");
        assertThat(parts.size()).isEqualTo(2);
        assertThat(parts.get(0).get("holder").asText()).isEqualTo("LeakPatterns$ResponseLog.served");
        assertThat(parts.get(0).get("field").asText()).isEqualTo("log");
        assertThat(parts.get(0).get("containerKind").asText()).isEqualTo("list");
        assertThat(parts.get(0).get("elementClassCount").asLong()).isEqualTo(100_000);
        assertThat(parts.get(0).get("duplication").get("distinctKeys").asLong()).isEqualTo(35_000);
        assertThat(parts.get(1).get("holder").asText()).isEqualTo("LeakPatterns$AssetManager.assets");
        assertThat(parts.get(1).get("field").asText()).isEqualTo("manager");
        assertThat(parts.get(1).get("elementCount").asLong()).isEqualTo(35_000);
        assertThat(parts.get(1).has("duplication")).isFalse();

        CliRun text = run("heap", "suspects", dump("split"));
        assertThat(text.out()).contains("  Part:          LeakPatterns$ResponseLog.served (field log), ")
                .contains("duplicated: 100,000 LeakPatterns$AssetDto for 35,000 distinct assetId; 65,000 redundant");

        CliRun why = run("heap", "why", dump("split"), "--class", "LeakPatterns$AssetResponseWrapper", "--json");
        assertThat(why.exit()).as(why.err()).isZero();
        JsonNode holders = JSON.readTree(why.out()).get("holders");
        assertThat(holders.size()).isEqualTo(2);
        assertThat(holders.get(0).get("holder").asText()).isEqualTo("LeakPatterns$ResponseLog.served");
        assertThat(holders.get(0).get("objects").asLong()).isEqualTo(100_000);
        assertThat(holders.get(1).get("holder").asText()).isEqualTo("LeakPatterns$AssetManager.assets");
        assertThat(holders.get(1).get("objects").asLong()).isEqualTo(35_000);
        CliRun whyText = run("heap", "why", dump("split"), "--class", "LeakPatterns$AssetResponseWrapper");
        assertThat(whyText.out()).contains("Held in:\n  LeakPatterns$ResponseLog.served (list, java.util.ArrayList @ 0x")
                .contains(") holds 100,000\n  LeakPatterns$AssetManager.assets (map, java.util.HashMap @ 0x")
                .contains(") holds 35,000\n");
        CliRun held = run("heap", "holders", dump("split"), "--class", "LeakPatterns$AssetResponseWrapper", "--json");
        assertThat(held.exit()).as(held.err()).isZero();
        JsonNode heldIn = JSON.readTree(held.out()).get("heldIn");
        assertThat(heldIn.get(0).get("objects").asLong()).isEqualTo(100_000);
        assertThat(heldIn.get(1).get("objects").asLong()).isEqualTo(35_000);
    }

    @Test
    void suspectsTextSaysNoSuspectForChurn() {
        CliRun r = run("heap", "suspects", dump("churn"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("No suspect").doesNotContain("Suspect 1");
    }

    @Test
    void suspectsTextQuotesTheNumbers() {
        CliRun r = run("heap", "suspects", dump("wrappers"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Suspect 1: the ArrayList in LeakPatterns$Dashboard.views holds 30,000 LeakPatterns$SessionView")
                .contains("30,000 LeakPatterns$SessionView for 300 distinct userId")
                .contains("<- views in class LeakPatterns$Dashboard");
    }

    @Test
    void compareJsonHasTheContractFields() throws Exception {
        CliRun r = run("heap", "compare", dump("grow-1"), dump("grow-2"), "--json", "--top", "1000");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(names(j.get(0))).startsWith("class", "countBefore", "countAfter", "countDelta", "shallowDelta", "retainedDelta");
        JsonNode item = null;
        for (JsonNode row : j) {
            if (row.get("class").asText().equals("LeakPatterns$Item")) {
                item = row;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("countDelta").asLong()).isEqualTo(3_000);
        assertThat(item.get("shallowDelta").asLong()).isEqualTo(72_000);
    }

    /** Either dump of a comparison may be the cut one: the warning names that one. */
    @Test
    void compareNamesTheDumpThatIsCutShort(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        byte[] whole = java.nio.file.Files.readAllBytes(LeakDumps.file("grow-2"));
        java.nio.file.Path cut = tmp.resolve("after-cut.hprof");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        CliRun r = run("heap", "compare", dump("grow-1"), cut.toString(), "--top", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains(cut + " is truncated").doesNotContain(dump("grow-1") + " is truncated");
    }

    @Test
    void compareGrowthPathsAreTheEnginesRows() throws Exception {
        CliRun r = run("heap", "compare", dump("grow-1"), dump("grow-2"), "--paths", "--json", "--top", "1000");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        List<dev.inquest.heap.query.GrowthPath> expected;
        try (var b = LeakDumps.open("grow-1"); var a = LeakDumps.open("grow-2")) {
            var c = dev.inquest.heap.query.HeapComparison.compare(b, a, dev.inquest.progress.Progress.NONE);
            expected = dev.inquest.heap.query.HeapComparison.growthPaths(a, c, dev.inquest.progress.Progress.NONE);
        }
        assertThat(expected).isNotEmpty();
        assertThat(j.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            var p = expected.get(i);
            JsonNode row = j.get(i);
            assertThat(names(row)).containsExactly("path", "class", "countBefore", "countAfter", "retainedBefore", "retainedAfter",
                    "retainedDelta", "object", "truncated");
            List<String> path = new ArrayList<>();
            row.get("path").forEach(n -> path.add(n.asText()));
            assertThat(path).isEqualTo(p.delta().path());
            assertThat(row.get("class").asText()).isEqualTo(p.className());
            assertThat(row.get("countBefore").asLong()).isEqualTo(p.delta().countBefore());
            assertThat(row.get("countAfter").asLong()).isEqualTo(p.delta().countAfter());
            assertThat(row.get("retainedBefore").asLong()).isEqualTo(p.delta().retainedBefore());
            assertThat(row.get("retainedAfter").asLong()).isEqualTo(p.delta().retainedAfter());
            assertThat(row.get("retainedDelta").asLong()).isEqualTo(p.delta().retainedDelta());
            assertThat(row.get("object").asText()).isEqualTo(String.format("0x%x", p.address()));
        }
        CliRun text = run("heap", "compare", dump("grow-1"), dump("grow-2"), "--paths", "--top", "1");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("Dominator").contains("Held by").contains("java.util.ArrayList")
                .contains("class LeakPatterns$Store");
    }

    @Test
    void holdersAreTheEnginesGroups() throws Exception {
        dev.inquest.heap.query.ClassHolders.Result expected;
        try (var d = LeakDumps.open("wrappers")) {
            expected = dev.inquest.heap.query.ClassHolders.of(d, "LeakPatterns$SessionView", 25, dev.inquest.progress.Progress.NONE);
        }
        // The suspect's list holds 30,000 of them; a few hundred more live elsewhere in the workload.
        assertThat(expected.instances()).isBetween(30_000L, 31_000L);
        CliRun r = run("heap", "holders", dump("wrappers"), "--class", "LeakPatterns$SessionView", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        // "heldIn" added by issue 19 (the collections the instances sit in).
        assertThat(names(j)).containsExactly("class", "instances", "retained", "groups", "holders", "heldIn", "truncated",
                "problems");
        assertThat(j.get("heldIn").get(0).get("holder").asText()).isEqualTo("LeakPatterns$Dashboard.views");
        assertThat(j.get("heldIn").get(0).get("objects").asLong()).isEqualTo(30_000);
        assertThat(j.get("instances").asLong()).isEqualTo(expected.instances());
        assertThat(j.get("retained").asLong()).isEqualTo(expected.retained());
        assertThat(j.get("groups").asInt()).isEqualTo(expected.groups());
        assertThat(j.get("holders").size()).isEqualTo(expected.holders().size()).isPositive();
        for (int i = 0; i < expected.holders().size(); i++) {
            var h = expected.holders().get(i);
            JsonNode row = j.get("holders").get(i);
            assertThat(row.get("instances").asLong()).isEqualTo(h.instances());
            assertThat(row.get("retained").asLong()).isEqualTo(h.retained());
            assertThat(row.get("holder").get("address").asText()).isEqualTo(String.format("0x%x", h.holder().address()));
            assertThat(row.get("holder").get("class").asText()).isEqualTo(h.holder().className());
        }
        CliRun text = run("heap", "holders", dump("wrappers"), "--class", "LeakPatterns$SessionView");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).startsWith(dev.inquest.format.Units.count(expected.instances()) + " LeakPatterns$SessionView retaining ")
                .contains("held by " + expected.holders().getFirst().holder().className());
    }

    @Test
    void inspectPrintsTheEnginesInspection() throws Exception {
        dev.inquest.heap.query.Inspection expected;
        try (var d = LeakDumps.open("queue")) {
            // The suspect's accumulation point: a deque with 20,000 references into it and a real retained set.
            var s = dev.inquest.heap.query.LeakSuspects.find(d, dev.inquest.progress.Progress.NONE).suspects().getFirst();
            expected = dev.inquest.heap.query.ObjectInspector.inspect(d, s.accumulation().node(), false,
                    dev.inquest.progress.Progress.NONE);
        }
        String address = String.format("0x%x", expected.object().address());
        CliRun r = run("heap", "inspect", dump("queue"), "--object", address, "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(names(j)).containsExactly("address", "class", "shallow", "retained", "root", "value", "fields", "outbound",
                "inbound", "inboundTotal", "retainedSet", "truncated", "problems");
        assertThat(j.get("address").asText()).isEqualTo(address);
        assertThat(j.get("class").asText()).isEqualTo(expected.object().className());
        assertThat(j.get("retained").asLong()).isEqualTo(expected.object().retained());
        assertThat(j.get("fields").size()).isEqualTo(expected.fields().size());
        for (int i = 0; i < expected.fields().size(); i++) {
            assertThat(j.get("fields").get(i).get("name").asText()).isEqualTo(expected.fields().get(i).name());
            assertThat(j.get("fields").get(i).get("value").asText()).isEqualTo(expected.fields().get(i).value());
        }
        assertThat(j.get("outbound").size()).isEqualTo(expected.outbound().size());
        assertThat(j.get("inbound").size()).isEqualTo(expected.inbound().size());
        assertThat(j.get("inboundTotal").asLong()).isEqualTo(expected.inboundTotal());
        assertThat(j.get("retainedSet").size()).isEqualTo(expected.retainedSet().size()).isPositive();
        for (int i = 0; i < expected.retainedSet().size(); i++) {
            JsonNode row = j.get("retainedSet").get(i);
            assertThat(row.get("class").asText()).isEqualTo(expected.retainedSet().get(i).className());
            assertThat(row.get("count").asLong()).isEqualTo(expected.retainedSet().get(i).count());
            assertThat(row.get("shallow").asLong()).isEqualTo(expected.retainedSet().get(i).shallow());
        }
        CliRun text = run("heap", "inspect", dump("queue"), "--object", address, "--top", "3");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).startsWith(expected.object().className() + " @ " + address).contains("Retained set")
                .contains("LeakPatterns$OutboundEvent");
        assertThat(run("heap", "inspect", dump("queue"), "--object", "zebra").exit()).isEqualTo(2);
        assertThat(run("heap", "inspect", dump("queue"), "--object", "0x1").exit()).isEqualTo(1);
    }

    @Test
    void dominatorsFilterAndChildrenAreTheWindowsRows() throws Exception {
        List<dev.inquest.heap.model.DominatorRow> filtered;
        List<dev.inquest.heap.model.DominatorRow> children;
        List<dev.inquest.heap.model.DominatorRow> groupedFiltered;
        long holder;
        List<Long> matching = new ArrayList<>();
        try (var d = LeakDumps.open("queue")) {
            var p = java.util.regex.Pattern.compile("Thread|Class");
            filtered = d.topDominators(p, null, dev.inquest.progress.Progress.NONE).rows(1000);
            groupedFiltered = d.topDominators(p, dev.inquest.heap.model.Grouping.PACKAGE, dev.inquest.progress.Progress.NONE).rows(1000);
            // The filter matches the object's own class (java.lang.Class for class objects), as in the window.
            for (long i = 0; i < d.topLevelCount() && matching.size() < 1000; i++) {
                if (p.matcher(d.instanceClassName(d.topLevel(i))).find()) {
                    matching.add(d.topLevel(i));
                }
            }
            holder = d.address(d.topLevel(0));
            children = d.dominatedBy(d.topLevel(0), 1000);
        }
        assertThat(filtered).isNotEmpty().extracting(dev.inquest.heap.model.DominatorRow::node).isEqualTo(matching);
        assertThat(children).isNotEmpty();
        assertThat(rows(run("heap", "dominators", dump("queue"), "--filter", "Thread|Class", "--top", "1000", "--json")))
                .isEqualTo(filtered.stream().map(r -> List.of(String.format("0x%x", r.address()), r.className(), r.retained())).toList());
        assertThat(rows(run("heap", "dominators", dump("queue"), "--object", String.format("0x%x", holder), "--top", "1000", "--json")))
                .isEqualTo(children.stream().map(r -> List.of(String.format("0x%x", r.address()), r.className(), r.retained())).toList());
        JsonNode g = JSON.readTree(run("heap", "dominators", dump("queue"), "--filter", "Thread|Class", "--group", "package",
                "--top", "1000", "--json").out());
        assertThat(g.size()).isEqualTo(groupedFiltered.size());
        for (int i = 0; i < g.size(); i++) {
            assertThat(g.get(i).get("class").asText()).isEqualTo(groupedFiltered.get(i).className());
            assertThat(g.get(i).get("count").asLong()).isEqualTo(groupedFiltered.get(i).count());
            assertThat(g.get(i).get("retained").asLong()).isEqualTo(groupedFiltered.get(i).retained());
        }
        assertThat(run("heap", "dominators", dump("queue"), "--filter", "(").exit()).isEqualTo(2);
        assertThat(run("heap", "dominators", dump("queue"), "--object", "0x1", "--group", "class").exit()).isEqualTo(2);
    }

    /** Address, class and retained size of each row of a dominators --json run. */
    static List<List<Object>> rows(CliRun r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode row : JSON.readTree(r.out())) {
            out.add(List.of(row.get("address").asText(), row.get("class").asText(), row.get("retained").asLong()));
        }
        return out;
    }

    @Test
    void compareTextByPackage() {
        CliRun r = run("heap", "compare", dump("grow-1"), dump("grow-2"), "--by", "package", "--top", "5");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Package").contains("<default package>").contains("Dominators that grew");
        CliRun bad = run("heap", "compare", dump("grow-1"), dump("grow-2"), "--by", "thread");
        assertThat(bad.exit()).isEqualTo(2);
    }

    @Test
    void duplicatesJsonNamesTheCopiesAndRedactsTheirKeys() throws Exception {
        CliRun r = run("heap", "duplicates", dump("duplicates"), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode rows = JSON.readTree(r.out());
        assertThat(rows.size()).isEqualTo(3);
        JsonNode top = rows.get(0);
        assertThat(names(top)).containsExactly("class", "instances", "keyField", "keyType", "keyedInstances", "distinctKeys",
                "surplusInstances", "wastedBytes", "topKey", "redacted", "topKeyCount", "example", "truncated");
        assertThat(top.get("class").asText()).isEqualTo("LeakPatterns$SessionView");
        assertThat(top.get("instances").asLong()).isEqualTo(20_000);
        assertThat(top.get("distinctKeys").asLong()).isEqualTo(400);
        assertThat(top.get("wastedBytes").asLong()).isEqualTo(19_600L * 24);
        assertThat(top.get("redacted").asBoolean()).isTrue();
        assertThat(top.get("topKey").asText()).startsWith("<redacted: ").doesNotContain("user-");
        assertThat(top.get("example").asText()).startsWith("0x");

        CliRun shown = run("heap", "duplicates", dump("duplicates"), "--include-values", "--top", "1");
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Class").contains("Most common key").contains("LeakPatterns$SessionView")
                .contains("userId (String)").containsPattern("user-\\d+ x 50").doesNotContain("LeakPatterns$Order");
        CliRun none = run("heap", "duplicates", dump("queue"));
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).startsWith("No duplicate objects");
        assertThat(run("heap", "duplicates", dump("queue"), "--top", "-1").exit()).isEqualTo(2);
    }

    @Test
    void whyLeavesItsStructuresBesideTheIndexForTheNextRun() throws Exception {
        java.nio.file.Path dump = java.nio.file.Path.of(dump("listeners"));
        CliRun first = run("heap", "why", dump.toString(), "--class", "LeakPatterns$Widget");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("LeakPatterns$Widget");
        java.nio.file.Path index = dev.inquest.heap.index.IndexFile.location(dump, false);
        java.nio.file.Path parents = index.resolveSibling(index.getFileName() + ".strong-parents");
        java.nio.file.Path instances = index.resolveSibling(index.getFileName() + ".instances");
        java.nio.file.Files.deleteIfExists(parents);
        java.nio.file.Files.deleteIfExists(instances);
        CliRun second = run("heap", "why", dump.toString(), "--class", "LeakPatterns$Widget");
        assertThat(second.exit()).as(second.err()).isZero();
        // The command returns once the files it built are written: the next process maps them.
        assertThat(parents).isRegularFile();
        assertThat(instances).isRegularFile();
        assertThat(second.out()).isEqualTo(first.out());
        CliRun third = run("heap", "why", dump.toString(), "--class", "LeakPatterns$Widget");
        assertThat(third.out()).isEqualTo(first.out());
    }
}
