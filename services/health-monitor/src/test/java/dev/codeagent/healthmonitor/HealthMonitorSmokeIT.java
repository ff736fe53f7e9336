package dev.codeagent.healthmonitor;

import dev.codeagent.platform.testing.ServiceSmokeTestSupport;
import org.springframework.test.context.TestPropertySource;

/**
 * The platform's smoke checks against the started health-monitor; /api/internal-probe stands for its internal API.
 * They read /actuator/prometheus without credentials, so the dashboard sign-in is off here; DashboardSignInIT
 * covers it.
 */
@TestPropertySource(properties = "codeagent.dashboard.auth=none")
class HealthMonitorSmokeIT extends ServiceSmokeTestSupport {

    HealthMonitorSmokeIT() {
        super("/api/internal-probe");
    }
}
