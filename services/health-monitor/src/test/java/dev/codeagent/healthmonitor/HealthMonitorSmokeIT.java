package dev.codeagent.healthmonitor;

import dev.codeagent.platform.testing.ServiceSmokeTestSupport;

/** The platform's smoke checks against the started health-monitor; /api/internal-probe stands for its internal API. */
class HealthMonitorSmokeIT extends ServiceSmokeTestSupport {

    HealthMonitorSmokeIT() {
        super("/api/internal-probe");
    }
}
