package dev.codeagent.contracts.job;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.TestCounts;
import java.util.List;

/**
 * One round of checks of a variant as the status API shows it: round 0 checks the variant's commit, round r the
 * commit of repair r.
 *
 * @param round       0, then 1 for the check after repair 1, …
 * @param commit      the commit checked
 * @param source      configured, detected or none; null when the runner could not be asked ({@code error})
 * @param passed      true when every check passed
 * @param tests       the checks' test counts added up; null when no check reported tests
 * @param checks      one outcome per check (their full output is the log)
 * @param configError why {@code .codeagent.yml} could not be used, with its line; null when fine or absent
 * @param error       {@code error: <reason>} when the round ran no check because the runner was unavailable or the
 *                    run was stopped; null otherwise
 * @param repairError why the repair after this failed round produced no commit; null otherwise
 * @param logUrl      path of the round's log on the orchestrator API
 *                    ({@code /api/orchestrators/{id}/variants/{k}/checks/{round}/log}); null when there is none
 * @param durationMs  wall time of the run as the runner measured it
 */
public record CheckRoundView(
        int round,
        String commit,
        CheckSource source,
        boolean passed,
        TestCounts tests,
        List<CheckOutcome> checks,
        String configError,
        String error,
        String repairError,
        String logUrl,
        Long durationMs) {
}
