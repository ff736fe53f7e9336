package dev.codeagent.runner.exec;

import dev.codeagent.runner.config.Isolation;

/** Runs one check in an isolation mode; Kubernetes Jobs plug in here as a further mode. */
public interface CheckExecutor {

    Isolation isolation();

    /**
     * Runs the check to its end, its timeout or a cancel. A check that cannot be started at all (image missing,
     * engine unreachable) is a {@link CheckStartFailure}, which says nothing about the code under test.
     */
    Execution run(Invocation invocation);

    /** Whether the executor can run checks now (the container engine answers), for readiness. */
    Readiness readiness();

    /** @param ready whether checks can run; @param detail what was found, for the health details */
    record Readiness(boolean ready, String detail) {
    }
}
