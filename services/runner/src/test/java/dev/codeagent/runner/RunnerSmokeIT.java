package dev.codeagent.runner;

import dev.codeagent.platform.testing.ServiceSmokeTestSupport;
import org.springframework.test.context.TestPropertySource;

/** The platform's smoke checks against the started runner (process isolation: no container engine here). */
@TestPropertySource(properties = "codeagent.runner.isolation=process")
class RunnerSmokeIT extends ServiceSmokeTestSupport {

    RunnerSmokeIT() {
        super("/api/checks/runs/some-run");
    }
}
