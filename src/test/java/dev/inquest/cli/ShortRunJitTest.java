package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortRunJitTest {
    @Test
    void testRunnerIsNotOurProcessSoNoDirectiveLeaksIntoOtherTests() {
        // Surefire starts its own main class: the CLI must leave this JVM's compilers alone.
        assertThat(ShortRunJit.ownProcess()).isFalse();
    }

    /**
     * Issue 20: the directive the CLI adds is one the JVM accepts (a malformed one is refused
     * whole, leaving C2 on everywhere), and the method it leaves to C2 exists.
     */
    @Test
    void theDirectiveIsOneTheJvmAcceptsAndNamesARealMethod(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("directive.json"), ShortRunJit.DIRECTIVE);
        dev.inquest.testing.ChildJvm.Result r = dev.inquest.testing.ChildJvm.run(java.util.List.of(
                dev.inquest.testing.ChildJvm.java().toString(), "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompilerDirectivesFile=" + file, "-version"), dir, 60);
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).contains("2 compiler directives added");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("match: \"([\\w/$]+)\\.(\\w+)\"")
                .matcher(ShortRunJit.DIRECTIVE);
        assertThat(m.find()).isTrue();
        Class<?> c = Class.forName(m.group(1).replace('/', '.'));
        assertThat(java.util.Arrays.stream(c.getDeclaredMethods()).map(java.lang.reflect.Method::getName))
                .contains(m.group(2));
    }

    /** In a test runner, the head start leaves the compilers alone too: no server, no directive. */
    @Test
    void thePreparedHeadStartAddsNothingOutsideTheCliProcess() throws Exception {
        ShortRunJit.prepare(new String[] {"jfr", "flame", "x.jfr"});
        ShortRunJit.apply(); // must return at once, whether or not the head start is done
        Thread t = Thread.getAllStackTraces().keySet().stream().filter(x -> x.getName().equals("inquest-jit"))
                .findFirst().orElse(null);
        if (t != null) {
            t.join(10_000);
        }
        assertThat(ShortRunJit.ready()).isNull();
    }

    /**
     * Issue 20: Inquest's own process adds the directive straight through the diagnostic command
     * when the jar's manifest opens the JDK's package (here the same opening on the command line),
     * without building the platform MBean server; without the opening, through the server. Either
     * way C2 is excluded (the JIT says so for each method it leaves to C1).
     */
    @Test
    void theDirectiveIsAddedWithoutTheMBeanServerWhenThePackageIsOpened(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path recording = dev.inquest.testing.Corpus.file("jfr/example.jfr");
        for (boolean opened : new boolean[] {true, false}) {
            java.nio.file.Path classes = dir.resolve("classes-" + opened + ".log");
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
                    dev.inquest.testing.ChildJvm.java().toString(), "-XX:+PrintCompilation",
                    "-Xlog:class+load:file=" + classes, "-Dinquest.cache=" + dir.resolve("cache")));
            if (opened) {
                cmd.add("--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED");
            }
            cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), "dev.inquest.Main", "jfr",
                    "flame", recording.toString(), "--event", "alloc", "--collapsed", dir.resolve("out.collapsed").toString()));
            dev.inquest.testing.ChildJvm.Result r = dev.inquest.testing.ChildJvm.run(cmd, dir, 120);
            assertThat(r.exitCode()).isZero();
            assertThat(r.output()).as("opened: %s", opened).contains("excluded by CompileCommand");
            assertThat(java.nio.file.Files.readString(classes)).as("opened: %s", opened)
                    .satisfies(log -> assertThat(log.contains("com.sun.jmx.mbeanserver.JmxMBeanServer ")).isEqualTo(!opened));
        }
    }
}
