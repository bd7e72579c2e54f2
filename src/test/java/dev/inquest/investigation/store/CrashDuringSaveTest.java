package dev.inquest.investigation.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.investigation.model.Case;
import dev.inquest.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that saves a case in a tight loop at random moments (SIGKILL: no shutdown hooks, no
 * finally blocks), many times, and checks the file always parses and is the last version the
 * child acknowledged or the one after it.
 */
@Tag("slow")
class CrashDuringSaveTest {
    @TempDir
    Path dir;

    private static final Pattern SAVED = Pattern.compile("saved (\\d+)");
    private static final Pattern START = Pattern.compile("start (\\d+)");

    @Test
    void killAtRandomMomentsNeverBreaksTheFile() throws Exception {
        Path source = ChildJvm.workloadSource("CaseSaveLoop", dir);
        Path file = dir.resolve("crash.inquest");
        Random random = new Random(42);
        int kills = 8;
        int lastOnDisk = -1;
        for (int round = 0; round < kills; round++) {
            Path log = dir.resolve("round" + round + ".log");
            Process p = new ProcessBuilder(ChildJvm.java().toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), source.toString(), file.toString())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log).contains("saved ") && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(p.isAlive()).as("child is saving: %s", Files.readString(log)).isTrue();
            Thread.sleep(random.nextInt(400));
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

            String out = Files.readString(log, StandardCharsets.UTF_8);
            Matcher start = START.matcher(out);
            assertThat(start.find()).as(out).isTrue();
            if (lastOnDisk >= 0) {
                // The restarted child read exactly what the previous round left.
                assertThat(Integer.parseInt(start.group(1))).isEqualTo(lastOnDisk);
            }
            int acknowledged = 0;
            Matcher m = SAVED.matcher(out);
            while (m.find()) {
                acknowledged = Integer.parseInt(m.group(1));
            }
            assertThat(acknowledged).isPositive();
            Case onDisk = CaseFile.read(file).value();
            int n = Integer.parseInt(onDisk.title().substring(1));
            assertThat(n).as("round %d: acknowledged v%d", round, acknowledged).isBetween(acknowledged, acknowledged + 1);
            assertThat(onDisk.findings()).hasSize(n % 97);
            lastOnDisk = n;
        }
        // No torn backup either.
        assertThat(CaseFile.open(file).backup()).isPresent();
    }
}
