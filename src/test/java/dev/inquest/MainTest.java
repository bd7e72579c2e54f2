package dev.inquest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void subcommandsGoToTheCommandLineAndFilesToTheWindow() {
        assertThat(Main.opensWindow(new String[0])).isTrue();
        assertThat(Main.opensWindow(new String[] {"dump.hprof", "rec.jfr"})).isTrue();
        assertThat(Main.opensWindow(new String[] {"heap", "summary", "x.hprof"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"--version"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"case", "show", "a.inquest"})).isFalse();
    }
}
