package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inquest.testing.HprofBuilder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that spun at 100 % CPU on a superclass 2-cycle (issue 17): suspects, why and
 * path finish, and the summary's JSON names the cycle with the CLASS_DUMP offsets.
 */
class HeapSuperCycleCliTest {
    @TempDir
    Path dir;

    @Test
    void suspectsWhyAndPathFinishOnASuperclassCycle() throws Exception {
        HprofBuilder h = new HprofBuilder(8);
        long ca = h.loadClass("x.A");
        long cb = h.loadClass("x.B");
        long aAt = h.classDump(ca, cb, HprofBuilder.ref("next"));
        long bAt = h.classDump(cb, ca, HprofBuilder.ref("other"));
        long o1 = h.id();
        long o2 = h.id();
        h.instance(o1, ca, o2, 0);
        h.instance(o2, cb, 0, 0);
        h.rootUnknown(o1);
        h.endDump();
        String p = h.write(dir.resolve("cycle.hprof")).toString();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            CliRun summary = CliRun.run("heap", "summary", "--json", p);
            assertThat(summary.exit()).as(summary.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(summary.out());
            assertThat(j.get("truncated").asBoolean()).isTrue();
            assertThat(j.get("problems")).extracting(JsonNode::asText).containsExactly(
                    "class x.A (CLASS_DUMP at byte " + aAt + ") is in a superclass cycle (x.A -> x.B -> x.A); "
                            + "its superclass link is ignored",
                    "class x.B (CLASS_DUMP at byte " + bAt + ") is in a superclass cycle (x.B -> x.A -> x.B); "
                            + "its superclass link is ignored");
            for (String[] args : new String[][] {{"heap", "suspects", p}, {"heap", "why", "--class", "x.B", p},
                    {"heap", "path", "--object", "0x" + Long.toHexString(o2), p}}) {
                CliRun r = CliRun.run(args);
                assertThat(r.exit()).as("%s: %s", String.join(" ", args), r.err()).isZero();
            }
            CliRun path = CliRun.run("heap", "path", "--json", "--object", "0x" + Long.toHexString(o2), p);
            assertThat(path.exit()).isZero();
            assertThat(path.out()).contains("x.A").contains("next");
        });
    }
}
