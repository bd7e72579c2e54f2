package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InquestCommandTest {

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void versionNamesProductAndJdk() {
        CliRun r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Inquest ").contains("JDK " + Runtime.version().feature());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun r = run("heap", "--no-such-option");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--no-such-option");
    }

    @Test
    void groupWithoutVerbIsAUsageError() {
        assertThat(run("heap").exit()).isEqualTo(2);
    }
}
