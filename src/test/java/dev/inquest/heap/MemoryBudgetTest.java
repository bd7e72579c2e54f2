package dev.inquest.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the memory budget comes from: sizes as people write them, cgroup limits v1 and v2. */
class MemoryBudgetTest {
    @TempDir
    Path root;

    @Test
    void sizesAsPeopleWriteThem() {
        assertThat(MemoryBudget.parseSize("1536m")).isEqualTo(1536L << 20);
        assertThat(MemoryBudget.parseSize("1.5g")).isEqualTo(1536L << 20);
        assertThat(MemoryBudget.parseSize("2GB")).isEqualTo(2L << 30);
        assertThat(MemoryBudget.parseSize("800 MiB")).isEqualTo(800L << 20);
        assertThat(MemoryBudget.parseSize("64k")).isEqualTo(64L << 10);
        assertThat(MemoryBudget.parseSize("1073741824")).isEqualTo(1L << 30);
        assertThatThrownBy(() -> MemoryBudget.parseSize("lots")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lots' is not a size");
        assertThatThrownBy(() -> MemoryBudget.parseSize("-1g")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemoryBudget.parseSize("0")).isInstanceOf(IllegalArgumentException.class);
    }

    private void write(String rel, String content) throws Exception {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content + "\n");
    }

    @Test
    void cgroupV1TakesTheTightestLimitUpTheHierarchy() throws Exception {
        write("memory/memory.limit_in_bytes", "9223372036854771712"); // v1's "unlimited"
        write("memory/jobs/memory.limit_in_bytes", "4294967296");
        write("memory/jobs/bench/memory.limit_in_bytes", "9223372036854771712");
        List<String> self = List.of("9:name=systemd:/", "4:memory:/jobs/bench", "1:cpu:/", "0::/");
        assertThat(MemoryBudget.cgroupLimit(self, root)).isEqualTo(OptionalLong.of(4L << 30));
        write("memory/jobs/bench/memory.limit_in_bytes", "1610612736");
        assertThat(MemoryBudget.cgroupLimit(self, root)).isEqualTo(OptionalLong.of(1536L << 20));
    }

    @Test
    void cgroupV2ReadsMemoryMaxAndItsMaxWord() throws Exception {
        write("user.slice/memory.max", "max");
        write("user.slice/app/memory.max", "2147483648");
        assertThat(MemoryBudget.cgroupLimit(List.of("0::/user.slice/app"), root)).isEqualTo(OptionalLong.of(2L << 30));
        write("user.slice/app/memory.max", "max");
        assertThat(MemoryBudget.cgroupLimit(List.of("0::/user.slice/app"), root)).isEmpty();
    }

    @Test
    void noCgroupNoLimit() throws Exception {
        assertThat(MemoryBudget.cgroupLimit(List.of("4:memory:/", "0::/"), root)).isEmpty();
    }

    @Test
    void theEngineGetsTheProcessBudgetLessTheJvmsOwn() {
        MemoryBudget b = MemoryBudget.forProcess(4L << 30, MemoryBudget.Source.SETTING);
        Runtime rt = Runtime.getRuntime();
        long heap = Math.min(rt.maxMemory(), Math.max(rt.totalMemory(), 256L << 20));
        assertThat(b.engineBytes()).isEqualTo((4L << 30) - heap - (96L << 20));
        assertThat(b.describe()).isEqualTo("4.0 GB (your memory setting)");
        assertThat(MemoryBudget.forProcess(100L << 20, MemoryBudget.Source.CONTAINER).engineBytes()).isZero();
    }

    @Test
    void aSettingAboveWhatIsThereIsCappedByIt() {
        MemoryBudget there = MemoryBudget.detect();
        assertThat(there.processBytes()).isLessThanOrEqualTo(MemoryBudget.physicalMemory());
        assertThat(MemoryBudget.setting(Long.MAX_VALUE / 2)).isEqualTo(there);
        assertThat(MemoryBudget.setting(1L << 30).source()).isEqualTo(MemoryBudget.Source.SETTING);
    }
}
