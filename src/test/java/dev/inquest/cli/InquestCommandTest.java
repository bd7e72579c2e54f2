package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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

    @Test
    void onlyTheCommandsTheArgumentsReachAreBuilt() {
        CommandLine summary = InquestCommand.newCommandLine("heap", "summary", "dump.hprof");
        assertThat(summary.getSubcommands().keySet()).containsExactly("heap");
        assertThat(summary.getSubcommands().get("heap").getSubcommands().keySet()).containsExactly("summary");
        CommandLine all = InquestCommand.newCommandLine();
        assertThat(all.getSubcommands().keySet()).containsExactly("heap", "jfr", "case", "jvm", "demo", "help"); // jvm: issue 21
        assertThat(all.getSubcommands().get("heap").getSubcommands()).hasSize(17); // with query and retained (issue 19), offheap (issue 20)
        assertThat(InquestCommand.newCommandLine("--version").getSubcommands()).isEmpty();
        // Help and typos see the whole level, so they read as with the full tree.
        assertThat(InquestCommand.newCommandLine("help", "heap").getSubcommands()).hasSize(6);
        assertThat(InquestCommand.newCommandLine("heap", "sumary").getSubcommands().get("heap").getSubcommands()).hasSize(17); // with query and retained (issue 19), offheap (issue 20)
        assertThat(run("--help").out()).isEqualTo(usage(all));
        assertThat(run("heap", "--help").out()).isEqualTo(usage(all.getSubcommands().get("heap")));
        CliRun typo = run("heap", "sumary", "x");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("summary");
        CliRun help = run("help", "heap");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).isEqualTo(usage(all.getSubcommands().get("heap")));
    }

    private static String usage(CommandLine cl) {
        java.io.StringWriter w = new java.io.StringWriter();
        cl.usage(new java.io.PrintWriter(w, true));
        return w.toString();
    }
}
