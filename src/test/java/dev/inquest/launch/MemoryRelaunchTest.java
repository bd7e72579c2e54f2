package dev.inquest.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.Version;
import dev.inquest.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryRelaunchTest {
    static final List<String> LAUNCHER = List.of("-XX:MaxRAMPercentage=70", "--enable-native-access=ALL-UNNAMED",
            "-Djpackage.app-version=0.1.0");

    @Test
    void settingMustBeAWholePercentInRange() {
        assertThat(MemoryRelaunch.parse("50")).contains(50);
        assertThat(MemoryRelaunch.parse(" 90 ")).contains(90);
        assertThat(MemoryRelaunch.parse("95")).isEmpty();
        assertThat(MemoryRelaunch.parse("5")).isEmpty();
        assertThat(MemoryRelaunch.parse("lots")).isEmpty();
        assertThat(MemoryRelaunch.parse(null)).isEmpty();
    }

    @Test
    void windowRelaunchesWithTheUsersShareKeepingOtherOptions() {
        assertThat(MemoryRelaunch.plan(true, false, Optional.of(50), 70.0, LAUNCHER)).contains(List.of(
                "--enable-native-access=ALL-UNNAMED", "-Djpackage.app-version=0.1.0", "-XX:MaxRAMPercentage=50",
                "-Dinquest.relaunched=true"));
    }

    @Test
    void noRelaunchWhenNothingWouldChange() {
        assertThat(MemoryRelaunch.plan(true, false, Optional.of(70), 70.0, LAUNCHER)).isEmpty();
        assertThat(MemoryRelaunch.plan(true, false, Optional.empty(), 70.0, LAUNCHER)).isEmpty();
    }

    @Test
    void commandLineAndChildrenNeverRelaunch() {
        assertThat(MemoryRelaunch.plan(false, false, Optional.of(50), 70.0, LAUNCHER)).isEmpty();
        assertThat(MemoryRelaunch.plan(true, true, Optional.of(50), 70.0, LAUNCHER)).isEmpty();
    }

    @Test
    void anExplicitFixedHeapIsTheCallersChoice() {
        assertThat(MemoryRelaunch.plan(true, false, Optional.of(50), 25.0, List.of("-Xmx2g"))).isEmpty();
        assertThat(MemoryRelaunch.plan(true, false, Optional.of(50), 25.0, List.of("-XX:MaxHeapSize=2g"))).isEmpty();
    }

    @Test
    void thisJvmReportsItsEffectivePercent() {
        // Surefire's child JVM sets no MaxRAMPercentage: HotSpot's default is 25.
        assertThat(MemoryRelaunch.currentPercent()).isEqualTo(25.0);
    }

    @Test
    void relaunchedCommandRunsInquestWithTheOption(@TempDir Path dir) {
        List<String> options = MemoryRelaunch.plan(true, false, Optional.of(40), 25.0, List.of()).orElseThrow();
        List<String> cmd = MemoryRelaunch.command(ChildJvm.java(), options, System.getProperty("java.class.path"),
                "dev.inquest.Main", List.of("--version"));
        // -XX:+PrintFlagsFinal shows the child really got the share.
        List<String> withFlags = new java.util.ArrayList<>(cmd);
        withFlags.add(1, "-XX:+PrintFlagsFinal");
        ChildJvm.Result r = ChildJvm.run(withFlags, dir, 60);
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).containsPattern("MaxRAMPercentage\\s+= 40\\.0").contains(Version.describe());
    }
}
