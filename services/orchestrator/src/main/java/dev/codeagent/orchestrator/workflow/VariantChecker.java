package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckRunRequest;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.RunnerClient;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.CheckStore;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The check phase's call: asks the runner to build and test the variant's latest commit, keeps the log as an
 * artifact and records the round before anything acts on it. The run id is derived from job, variant and round, so
 * a repeated call after a crash or a transient failure is the same run (and what a termination cancels).
 */
@Component
public class VariantChecker {

    private final RunnerClient runner;
    private final CheckStore checks;
    private final ArtifactStore artifacts;
    private final Clock clock;

    public VariantChecker(RunnerClient runner, CheckStore checks, ArtifactStore artifacts, Clock clock) {
        this.runner = runner;
        this.checks = checks;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    /** False when there is no runner to ask (CODEAGENT_RUNNER_URL empty): variants then stay unchecked. */
    public boolean enabled() {
        return runner.configured();
    }

    /** {@code <jobId>-<k>-<round>}: names the run on the runner and stays the same when the call is repeated. */
    public static String runId(String jobId, int k, int round) {
        return jobId + "-" + k + "-" + round;
    }

    /** Artifact key of a round's log. */
    public static String logKey(String jobId, int k, int round) {
        return ArtifactStore.jobPrefix(jobId) + "checks/" + k + "-" + round + ".log";
    }

    /** Runs the round's checks and records what they found; a failed call is a CallFailure and records nothing. */
    public CheckRound check(JobRecord job, VariantRecord v) {
        int round = v.checkRound();
        CheckRunResult result = runner.run(new CheckRunRequest(runId(job.id(), v.k(), round), job.id(), v.k(), round,
                job.repository(), v.commitSha()));
        String logKey = null;
        if (result.log() != null && !result.log().isEmpty()) {
            logKey = logKey(job.id(), v.k(), round);
            artifacts.put(logKey, "text/plain; charset=utf-8", result.log().getBytes(StandardCharsets.UTF_8));
        }
        List<CheckOutcome> outcomes = result.checks() == null ? List.of() : result.checks();
        CheckRound recorded = new CheckRound(job.id(), v.k(), round, v.commitSha(), result.source(), result.passed(),
                Math.max(0, result.repair()), outcomes.isEmpty() ? null : result.tests(), outcomes,
                result.configError(), null, null, logKey, result.isolation(), result.durationMs(), clock.instant());
        checks.record(recorded);
        return recorded;
    }

    /**
     * Records a round that ran no check, {@code error: <reason>}: the runner stayed unavailable past the retries, or
     * the job stopped it. The variant's pull request exists, so the variant is not failed for it.
     */
    public void unavailable(JobRecord job, VariantRecord v, String reason) {
        checks.record(new CheckRound(job.id(), v.k(), v.checkRound(), v.commitSha(), null, false, 0, null, List.of(),
                null, "error: " + reason, null, null, null, null, clock.instant()));
    }
}
