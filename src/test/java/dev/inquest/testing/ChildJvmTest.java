package dev.inquest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.input.FileKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {
    @TempDir
    Path dir;

    @Test
    void childJvmWritesARealHeapDump() throws Exception {
        Path dump = dir.resolve("hello.hprof");
        ChildJvm.Result r = ChildJvm.runWorkload("HelloDump", dir, List.of("-Xmx64m"), dump.toString());
        assertThat(r.output()).contains("dumped 1000");
        assertThat(FileKind.detect(dump)).isEqualTo(FileKind.HEAP_DUMP);
    }
}
