package dev.codeagent.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CappedLogTest {

    @Test
    void keepsEverythingWithinTheLimit() {
        CappedLog log = new CappedLog(100);
        log.append("short output\n");

        assertThat(log.text()).isEqualTo("short output\n");
    }

    @Test
    void keepsHeadAndTailBeyondIt() {
        CappedLog log = new CappedLog(20);
        log.append("HEAD-12345");
        log.append("x".repeat(1000));
        log.append("TAIL-12345");

        assertThat(log.text()).startsWith("HEAD-12345").endsWith("TAIL-12345")
                .contains("1000 bytes cut (CODEAGENT_RUNNER_LOG_LIMIT)");
    }
}
