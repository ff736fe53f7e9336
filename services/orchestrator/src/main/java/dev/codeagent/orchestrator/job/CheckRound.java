package dev.codeagent.orchestrator.job;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.check.TestCounts;
import java.time.Instant;
import java.util.List;

/**
 * One recorded round of checks of a variant ({@code job_check_round}).
 *
 * @param source         null when no run answered ({@code error} says why)
 * @param repairsAllowed repair rounds the configuration allows after a failed round
 * @param error       {@code error: <reason>} when the round ran no check (runner unavailable, run stopped)
 * @param repairError why the repair after this round produced no commit
 * @param logKey      artifact key of the log, null when there is none
 */
public record CheckRound(
        String jobId,
        int k,
        int round,
        String commit,
        CheckSource source,
        boolean passed,
        int repairsAllowed,
        TestCounts tests,
        List<CheckOutcome> checks,
        String configError,
        String error,
        String repairError,
        String logKey,
        String isolation,
        Long durationMs,
        Instant createdAt) {

    public CheckRound {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** Checks ran (configured or detected) and answered: the round says something about the variant's code. */
    public boolean ran() {
        return error == null && source != null && source != CheckSource.NONE;
    }

    /** Checks that failed, timed out or could not run. */
    public int failingChecks() {
        return (int) checks.stream().filter(c -> c.status() == CheckStatus.FAILED
                || c.status() == CheckStatus.TIMED_OUT || c.status() == CheckStatus.ERROR).count();
    }

    /** The first check that did not pass (skipped ones aside), or null. */
    public CheckOutcome firstFailing() {
        return checks.stream().filter(c -> c.status() != CheckStatus.PASSED && c.status() != CheckStatus.SKIPPED)
                .findFirst().orElse(null);
    }

    /**
     * True when the round failed because of the variant's code — a check failed or timed out — rather than because
     * the sandbox could not run it: only such a round is worth a repair.
     */
    public boolean repairable() {
        return ran() && !passed && checks.stream().anyMatch(c -> c.status() == CheckStatus.FAILED
                || c.status() == CheckStatus.TIMED_OUT);
    }
}
