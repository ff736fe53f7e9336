package dev.codeagent.orchestrator;

import dev.codeagent.platform.testing.ServiceSmokeTestSupport;

/** The platform's smoke checks against the started orchestrator; /api/orchestrators stands for its internal API. */
class OrchestratorSmokeIT extends ServiceSmokeTestSupport {

    OrchestratorSmokeIT() {
        super("/api/orchestrators");
    }
}
