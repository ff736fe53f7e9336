package dev.codeagent.llmpatch;

import dev.codeagent.platform.testing.ServiceSmokeTestSupport;

/** The platform's smoke checks against the started llm-patch; /api/providers stands for its internal API. */
class LlmPatchSmokeIT extends ServiceSmokeTestSupport {

    LlmPatchSmokeIT() {
        super("/api/providers");
    }
}
