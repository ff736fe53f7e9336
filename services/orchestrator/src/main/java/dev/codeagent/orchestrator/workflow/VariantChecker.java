package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckRunRequest;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.RunnerClient;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.CheckStore;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.PipelineRunRecord.State;
import dev.codeagent.orchestrator.job.PipelineRunStore;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check phase's calls: asks the runner to build and test the variant's latest commit, keeps the log as an
 * artifact, runs the Azure DevOps pipelines the round needs ({@link PipelineChecks}) and records the round — the
 * runner's checks and the pipelines' runs together — before anything acts on it. The run id is derived from job,
 * variant and round, so a repeated call after a crash or a transient failure is the same run (and what a termination
 * cancels). While pipelines run, the runner's answer is kept so that looking at them again does not repeat it.
 */
@Component
public class VariantChecker {

    private final RunnerClient runner;
    private final CheckStore checks;
    private final ArtifactStore artifacts;
    private final PipelineChecks pipelines;
    private final PipelineRunStore pipelineRuns;
    private final JsonMapper json;
    private final Clock clock;

    public VariantChecker(RunnerClient runner, CheckStore checks, ArtifactStore artifacts, PipelineChecks pipelines,
            PipelineRunStore pipelineRuns, JsonMapper json, Clock clock) {
        this.runner = runner;
        this.checks = checks;
        this.artifacts = artifacts;
        this.pipelines = pipelines;
        this.pipelineRuns = pipelineRuns;
        this.json = json;
        this.clock = clock;
    }

    /**
     * False when there is nothing to check with: no runner (CODEAGENT_RUNNER_URL empty) and no pipelines for every
     * repository (CODEAGENT_ADO_CHECK_PIPELINES empty). Variants then stay unchecked.
     */
    public boolean enabled() {
        return runner.configured() || pipelines.everywhere();
    }

    /** {@code <jobId>-<k>-<round>}: names the run on the runner and stays the same when the call is repeated. */
    public static String runId(String jobId, int k, int round) {
        return jobId + "-" + k + "-" + round;
    }

    /** Artifact key of a round's log. */
    public static String logKey(String jobId, int k, int round) {
        return ArtifactStore.jobPrefix(jobId) + "checks/" + k + "-" + round + ".log";
    }

    /**
     * Runs the round's checks and records what they found, once every pipeline run of the round ended; until then
     * answers when to look at the runs again. A failed call is a CallFailure and records no round.
     */
    public Optional<Instant> check(JobRecord job, VariantRecord v) {
        int round = v.checkRound();
        Optional<String> kept = pipelineRuns.pending(job.id(), v.k(), round);
        CheckRunResult local = kept.map(answer -> json.readValue(answer, CheckRunResult.class))
                .orElseGet(() -> runner.configured() ? runChecks(job, v) : null);
        List<String> wanted = pipelines.of(local);
        if (wanted.isEmpty()) {
            record(job, v, local, List.of());
            return Optional.empty();
        }
        if (local != null && kept.isEmpty()) {
            pipelineRuns.keepPending(job.id(), v.k(), round, json.writeValueAsString(local), clock.instant());
        }
        Optional<Instant> later = pipelines.follow(job, v, wanted);
        if (later.isPresent()) {
            return later;
        }
        record(job, v, local, pipelines.outcomes(job, v));
        return Optional.empty();
    }

    /**
     * Records a round that ran no check, {@code error: <reason>}: the runner stayed unavailable past the retries, or
     * the job stopped it. The variant's pull request exists, so the variant is not failed for it. Pipeline runs the
     * round started end as errors (and are cancelled in Azure DevOps) and the round shows what ran.
     */
    public void unavailable(JobRecord job, VariantRecord v, String reason) {
        stop(job, v, State.ERROR, reason);
    }

    /**
     * The job ran out of time while the round's checks ran: pipeline runs still running count as timed out and are
     * cancelled in Azure DevOps.
     */
    public void timedOut(JobRecord job, VariantRecord v, String reason) {
        stop(job, v, State.TIMED_OUT, reason);
    }

    /**
     * The job was terminated while the round's checks ran: pipeline runs still running count as stopped and are
     * cancelled in Azure DevOps.
     */
    public void cancelled(JobRecord job, VariantRecord v, String reason) {
        stop(job, v, State.STOPPED, reason);
    }

    private void stop(JobRecord job, VariantRecord v, State state, String reason) {
        if (pipelines.started(job, v)) {
            pipelines.stop(job, v, state, reason);
            CheckRunResult local = pipelineRuns.pending(job.id(), v.k(), v.checkRound())
                    .map(kept -> json.readValue(kept, CheckRunResult.class)).orElse(null);
            record(job, v, local, pipelines.outcomes(job, v));
            return;
        }
        checks.record(new CheckRound(job.id(), v.k(), v.checkRound(), v.commitSha(), null, false, 0, null, List.of(),
                null, "error: " + reason, null, null, null, null, clock.instant()));
    }

    private CheckRunResult runChecks(JobRecord job, VariantRecord v) {
        int round = v.checkRound();
        CheckRunResult result = runner.run(new CheckRunRequest(runId(job.id(), v.k(), round), job.id(), v.k(), round,
                job.repository(), v.commitSha()));
        if (result.log() != null && !result.log().isEmpty()) {
            artifacts.put(logKey(job.id(), v.k(), round), "text/plain; charset=utf-8",
                    result.log().getBytes(StandardCharsets.UTF_8));
        }
        return result;
    }

    /**
     * The round from the runner's answer ({@code local}, null without a runner) and the pipelines' outcomes: it passes
     * when the runner's checks that ran passed and every pipeline run succeeded.
     */
    private void record(JobRecord job, VariantRecord v, CheckRunResult local, List<CheckOutcome> fromPipelines) {
        List<CheckOutcome> outcomes = new ArrayList<>(local == null || local.checks() == null ? List.of()
                : local.checks());
        boolean localPassed = local != null && local.passed();
        boolean passed = fromPipelines.isEmpty() ? localPassed
                : (outcomes.isEmpty() || localPassed)
                        && fromPipelines.stream().allMatch(o -> o.status() == CheckStatus.PASSED);
        outcomes.addAll(fromPipelines);
        CheckSource source = local == null || (local.source() == CheckSource.NONE && !fromPipelines.isEmpty())
                ? (fromPipelines.isEmpty() ? CheckSource.NONE : CheckSource.CONFIGURED) : local.source();
        String logKey = local != null && local.log() != null && !local.log().isEmpty()
                ? logKey(job.id(), v.k(), v.checkRound()) : null;
        long duration = (local == null ? 0 : local.durationMs())
                + fromPipelines.stream().mapToLong(CheckOutcome::durationMs).max().orElse(0);
        String isolation = fromPipelines.isEmpty() ? (local == null ? null : local.isolation())
                : local == null || local.checks().isEmpty() ? "azure-devops" : local.isolation() + "+azure-devops";
        checks.record(new CheckRound(job.id(), v.k(), v.checkRound(), v.commitSha(), source, passed,
                local == null ? 0 : Math.max(0, local.repair()), outcomes.isEmpty() ? null : tests(outcomes),
                outcomes, local == null ? null : local.configError(), null, null, logKey, isolation, duration,
                clock.instant()));
    }

    /** The sum of the outcomes' test counts; null when none reported tests. */
    private static TestCounts tests(List<CheckOutcome> outcomes) {
        TestCounts sum = null;
        for (CheckOutcome check : outcomes) {
            TestCounts t = check.tests();
            if (t != null) {
                sum = sum == null ? t : new TestCounts(sum.passed() + t.passed(), sum.failed() + t.failed(),
                        sum.skipped() + t.skipped());
            }
        }
        return sum;
    }
}
