package dev.codeagent.orchestrator;

import java.util.Map;

/** Crash recovery on the embedded H2 file database: the restarted instance resumes from the file. */
class H2CrashRecoveryIT extends AbstractCrashRecoveryIT {

    @Override
    Map<String, String> database() {
        return Instances.h2();
    }

    @Override
    String name() {
        return "h2";
    }
}
