package dev.inquest.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.jfr.alloc.AllocationSites;
import dev.inquest.jfr.load.JfrSource;
import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.jfr.read.StackTreeReader;
import dev.inquest.progress.Progress;
import dev.inquest.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hidden class spelled the heap dump's way and the recording's way is recognised as one class. */
class ClassNamesTest {
    @TempDir
    Path dir;

    private static List<String> callersOf(StackNode node) {
        List<String> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<StackNode> todo = new java.util.ArrayDeque<>(List.of(node));
        while (!todo.isEmpty()) {
            StackNode n = todo.pop();
            out.add(n.name());
            todo.addAll(n.children());
        }
        return out;
    }

    @Test
    void hiddenClassesAreRespelledAndOtherNamesLeftAlone() {
        assertThat(ClassNames.inHeap("Foo$$Lambda.0x000000007e164210")).isEqualTo("Foo$$Lambda+0x000000007e164210");
        assertThat(ClassNames.inHeap("Foo$$Lambda/0x000000007e164210")).isEqualTo("Foo$$Lambda+0x000000007e164210");
        assertThat(ClassNames.inRecording("Foo$$Lambda+0x000000007e164210")).isEqualTo("Foo$$Lambda.0x000000007e164210");
        assertThat(ClassNames.inRecording("a.b.Foo$$Lambda+0x1f[][]")).isEqualTo("a.b.Foo$$Lambda.0x1f[][]");
        for (String plain : new String[] {"java.util.HashMap$Node", "byte[]", "a.b.C[]", "x0.y", "com.acme.v0x1.Order"}) {
            assertThat(ClassNames.inHeap(plain)).isEqualTo(plain);
            assertThat(ClassNames.inRecording(plain)).isEqualTo(plain);
        }
        assertThat(ClassNames.inHeap(null)).isNull();
    }

    @Test
    void aLambdaInTheDumpIsFoundInTheRecordingOfTheSameJvmAndBack() throws Exception {
        String javaName = ChildJvm.runWorkload("LambdaAllocations", dir, List.of("-Xmx256m", "-XX:TLABSize=16k", "-XX:-ResizeTLAB"),
                dir.toString()).output().strip();
        assertThat(javaName).contains("$$Lambda/0x");

        String inDump;
        try (HeapDump d = HeapDump.open(dir.resolve("lambdas.hprof"), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE)) {
            HistogramRow row = d.histogram(Grouping.CLASS).stream().filter(r -> r.name().contains("LambdaAllocations$$Lambda"))
                    .findFirst().orElseThrow();
            assertThat(row.count()).isEqualTo(200_000);
            inDump = row.name();
        }
        assertThat(inDump).isEqualTo(javaName.replace('/', '+')).isNotEqualTo(ClassNames.inRecording(inDump));

        StackTree callers;
        try (JfrSource s = JfrSource.open(dir.resolve("lambdas.jfr"), Progress.NONE)) {
            callers = StackTreeReader.read(s, StackTreeQuery.of(EventKind.ALLOC).withReverse(true), Progress.NONE);
        }
        String inRecording = callers.root().children().stream().map(StackNode::name)
                .filter(n -> n.contains("LambdaAllocations$$Lambda")).findFirst().orElseThrow();
        assertThat(inRecording).isNotEqualTo(inDump);
        // Each side's name leads to the other's.
        assertThat(ClassNames.inRecording(inDump)).isEqualTo(inRecording);
        assertThat(ClassNames.inHeap(inRecording)).isEqualTo(inDump);
        // And the recording's allocation sites answer for the dump's class, with main among its callers.
        AllocationSites sites = AllocationSites.of(callers, ClassNames.inRecording(inDump), 3);
        assertThat(sites.classBytes()).isPositive();
        assertThat(sites.sites()).isNotEmpty();
        assertThat(callersOf(callers.root().child(inRecording))).anyMatch(n -> n.startsWith("LambdaAllocations.main"));
        assertThat(AllocationSites.of(callers, inDump, 3).classBytes()).as("the dump's spelling alone finds nothing").isZero();
    }
}
