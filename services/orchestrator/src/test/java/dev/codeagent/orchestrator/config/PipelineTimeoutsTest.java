package dev.codeagent.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;

class PipelineTimeoutsTest {

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> details(PipelineTimeouts timeouts) {
        Info.Builder info = new Info.Builder();
        timeouts.contribute(info);
        return (Map<Object, Object>) info.build().getDetails().get("pipelineChecks");
    }

    private static WorkflowProperties workflow(Duration jobTimeout) {
        return new WorkflowProperties(null, "http://dash/", "agents/", 10, 4, Duration.ofMinutes(8), jobTimeout, 0,
                100, 4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    private static PipelineTimeouts timeouts(Duration jobTimeout, Duration runTimeout) {
        return new PipelineTimeouts(new PipelineCheckProperties(List.of("Payments-CI"), runTimeout,
                Duration.ofSeconds(30)), workflow(jobTimeout));
    }

    @Test
    void aJobDeadlineBeforeTheRunsTimeoutNamesTheSettingToRaiseAndByHowMuch() {
        PipelineTimeouts defaults = timeouts(Duration.ofMinutes(30), Duration.ofMinutes(60));

        assertThat(defaults.warning()).hasValueSatisfying(warning -> assertThat(warning)
                .startsWith("CODEAGENT_JOB_TIMEOUT (30 min) is not longer than CODEAGENT_ADO_CHECK_TIMEOUT (60 min)")
                .contains("Raise CODEAGENT_JOB_TIMEOUT to at least 68 min"));
        assertThat(details(defaults)).containsEntry("timeout", "PT1H")
                .containsEntry("jobTimeout", "PT30M").containsKey("warning");
    }

    @Test
    void aJobDeadlineAfterTheRunsTimeoutSaysNothing() {
        PipelineTimeouts fine = timeouts(Duration.ofMinutes(90), Duration.ofMinutes(60));

        assertThat(fine.warning()).isEmpty();
        assertThat(details(fine)).doesNotContainKey("warning");
    }
}
