package dev.inquest.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.jfr.stack.EventKind;
import dev.inquest.jfr.stack.StackNode;
import dev.inquest.jfr.stack.StackTree;
import dev.inquest.jfr.stack.StackTreeQuery;
import dev.inquest.progress.Progress;
import java.nio.file.Path;
import jdk.jfr.Event;
import jdk.jfr.Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 5: JDK 9 and 10 recordings (JFR format 1.0) name their events
 * {@code com.oracle.jdk.X}; their flame graphs were empty. No such recording is in the corpus, so
 * this one is written here, in this JVM: events under the 1.0 names with the fields those events
 * had (the same as {@code jdk.X}'s), committed from a known method with a known weight.
 */
class JfrLegacyNamesTest {
    @TempDir
    Path dir;

    @Name("com.oracle.jdk.ObjectAllocationInNewTLAB")
    static final class LegacyNewTlab extends Event {
        Class<?> objectClass;
        long allocationSize;
        long tlabSize;
    }

    @Name("com.oracle.jdk.ExecutionSample")
    static final class LegacyExecutionSample extends Event {
        Thread sampledThread;
        String state;
    }

    static void allocateInLegacyNames() {
        for (int i = 0; i < 40; i++) {
            LegacyNewTlab e = new LegacyNewTlab();
            e.objectClass = int[].class;
            e.allocationSize = 16;
            e.tlabSize = 1000;
            e.commit();
        }
    }

    static void sampleInLegacyNames() {
        for (int i = 0; i < 25; i++) {
            LegacyExecutionSample e = new LegacyExecutionSample();
            e.sampledThread = Thread.currentThread();
            e.state = "STATE_RUNNABLE";
            e.commit();
        }
    }

    @Test
    void jfr10EventNamesGiveTheSameFlameGraphs() throws Exception {
        Path file = dir.resolve("legacy.jfr");
        try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
            r.enable(LegacyNewTlab.class).withStackTrace();
            r.enable(LegacyExecutionSample.class).withStackTrace();
            r.start();
            allocateInLegacyNames();
            sampleInLegacyNames();
            r.stop();
            r.dump(file);
        }
        try (Recording rec = Recording.open(file, Progress.NONE)) {
            StackTree alloc = rec.stacks(StackTreeQuery.of(EventKind.ALLOC), Progress.NONE);
            assertThat(alloc.events()).isEqualTo(40);
            assertThat(alloc.total()).isEqualTo(40 * 1000);
            assertThat(alloc.eventTypes()).containsExactly("com.oracle.jdk.ObjectAllocationInNewTLAB");
            assertThat(alloc.totalOf("int[]")).isEqualTo(40 * 1000);
            assertThat(alloc.totalOf(JfrLegacyNamesTest.class.getName() + ".allocateInLegacyNames"))
                    .isEqualTo(40 * 1000);
            StackTree cpu = rec.stacks(StackTreeQuery.of(EventKind.CPU), Progress.NONE);
            assertThat(cpu.events()).isEqualTo(25);
            assertThat(cpu.totalOf(JfrLegacyNamesTest.class.getName() + ".sampleInLegacyNames")).isEqualTo(25);
            StackNode root = cpu.root();
            assertThat(root.total()).isEqualTo(25);
            assertThat(rec.partial()).isFalse();
        }
    }
}
