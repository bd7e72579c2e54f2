package dev.inquest.jfr.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.input.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollapsedStacksTest {

    @Test
    void buildsTotalsAndSelfFromStacks() {
        Frame root = CollapsedStacks.parse("""
                main;work;parse 30
                main;work 10
                main;idle 60
                main;work;parse 5
                """);
        assertThat(root.label()).isEqualTo("all");
        assertThat(root.total()).isEqualTo(105);
        Frame main = root.child("main");
        assertThat(main.total()).isEqualTo(105);
        assertThat(main.self()).isZero();
        // First-seen order: work before idle.
        assertThat(main.children()).extracting(Frame::label).containsExactly("work", "idle");
        Frame work = main.child("work");
        assertThat(work.total()).isEqualTo(45);
        assertThat(work.self()).isEqualTo(10);
        assertThat(work.child("parse").total()).isEqualTo(35);
        assertThat(work.child("parse").self()).isEqualTo(35);
        assertThat(root.isDifferential()).isFalse();
    }

    @Test
    void readsKindSuffixesAndWritesThemBack() {
        Frame root = CollapsedStacks.parse("""
                java.lang.Thread.run_[j];Foo.<init>_[i];memcpy_[n] 3
                java.lang.Thread.run_[j];Foo.bar_[0];java.lang.String_[a] 4
                start_thread_[k];odd_[x] 1
                """);
        Frame run = root.child("java.lang.Thread.run");
        assertThat(run.kind()).isEqualTo(FrameKind.JIT_COMPILED);
        assertThat(run.child("Foo.<init>").kind()).isEqualTo(FrameKind.INLINED);
        assertThat(run.path("Foo.<init>", "memcpy").kind()).isEqualTo(FrameKind.NATIVE);
        assertThat(run.child("Foo.bar").kind()).isEqualTo(FrameKind.INTERPRETED);
        assertThat(run.path("Foo.bar", "java.lang.String").kind()).isEqualTo(FrameKind.ALLOCATED_CLASS);
        assertThat(root.child("start_thread").kind()).isEqualTo(FrameKind.KERNEL);
        // An unknown annotation stays part of the label.
        assertThat(root.path("start_thread", "odd_[x]").kind()).isEqualTo(FrameKind.UNKNOWN);

        assertThat(CollapsedStacks.parse(CollapsedStacks.write(root))).isEqualTo(root);
    }

    @Test
    void readsDifferentialLines() {
        Frame root = CollapsedStacks.parse("""
                a;b 10 30
                a;c 20 0
                """);
        assertThat(root.isDifferential()).isTrue();
        assertThat(root.total()).isEqualTo(30);
        assertThat(root.baseline()).isEqualTo(30);
        assertThat(root.path("a", "b").baseline()).isEqualTo(10);
        assertThat(root.path("a", "b").total()).isEqualTo(30);
        assertThat(root.path("a", "c").total()).isZero();
        assertThat(root.path("a", "c").baseline()).isEqualTo(20);
        assertThat(CollapsedStacks.parse(CollapsedStacks.write(root))).isEqualTo(root);
    }

    @Test
    void namesTheBadLine() {
        assertThatThrownBy(() -> CollapsedStacks.parse("a;b 1\na;b x\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2").hasMessageContaining("'x'");
        assertThatThrownBy(() -> CollapsedStacks.parse("a;b 1\na;b 1 2\n")).hasMessageContaining("mixes");
        assertThatThrownBy(() -> CollapsedStacks.parse("a;;b 1\n")).hasMessageContaining("empty frame");
    }

    @Test
    void badFileRaisesBadInputAtTheLineOffset(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("stacks.txt");
        Files.writeString(f, "a;b 1\nnoweight\n");
        assertThatThrownBy(() -> CollapsedStacks.read(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 2").hasMessageContaining("at byte 6");
        Files.writeString(f, "# comment\n\na;b 2\n");
        assertThat(CollapsedStacks.read(f).total()).isEqualTo(2);
    }
}
