package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortRunJitTest {
    @Test
    void testRunnerIsNotOurProcessSoNoDirectiveLeaksIntoOtherTests() {
        // Surefire starts its own main class: the CLI must leave this JVM's compilers alone.
        assertThat(ShortRunJit.ownProcess()).isFalse();
    }
}
