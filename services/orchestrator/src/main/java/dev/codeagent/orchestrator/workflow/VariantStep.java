package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.CheckStore;
import dev.codeagent.orchestrator.job.FailedAttempts;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.VariantPhase;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantSnapshot;
import dev.codeagent.orchestrator.job.VariantStore;
import dev.codeagent.orchestrator.metrics.OrchestratorMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One variant of a job, as a sequence of phases recorded in the database ({@link
 * dev.codeagent.orchestrator.job.VariantPhase}): {@code pending → branch → patch → commit → pull-request → check →
 * done}, with {@code check → repair → check} while a failed round of checks has repairs left. Each phase is recorded
 * before the next one's side effect, and the side effects look at the git host before they act ({@link
 * VariantPublisher}), so a replayed phase repeats nothing. Cancellation and timeouts are checked between phases.
 *
 * <p>Once its draft pull request is open a variant is not failed any more: a runner that stays unavailable, a
 * repair the model cannot make or a job that runs out of time while checking end it as succeeded, with what its
 * checks found recorded ({@code error: <reason>} when they could not run). {@code CODEAGENT_VARIANT_TIMEOUT} bounds
 * the writing of the change, not its checks, which the runner bounds ({@code timeout:} of {@code .codeagent.yml}) and
 * {@code CODEAGENT_ADO_CHECK_TIMEOUT} the pipeline runs, which the check phase follows by coming back every
 * {@code CODEAGENT_ADO_CHECK_POLL_INTERVAL} rather than waiting.
 */
@Component
public class VariantStep {

    private static final Logger log = LoggerFactory.getLogger(VariantStep.class);

    private final StepRunner runner;
    private final VariantStore variants;
    private final JobAudit audit;
    private final VariantPatcher patcher;
    private final VariantPublisher publisher;
    private final JobReports reports;
    private final ProgressReporter progress;
    private final WorkflowProperties properties;
    private final OrchestratorMetrics metrics;
    private final CheckStore checks;
    private final VariantChecker checker;
    private final VariantRepairer repairer;
    private final CheckReporter checkReporter;
    private final PipelineCancelStep pipelineCancels;
    private final Clock clock;

    public VariantStep(StepRunner runner, VariantStore variants, JobAudit audit, VariantPatcher patcher,
            VariantPublisher publisher, JobReports reports, ProgressReporter progress, WorkflowProperties properties,
            OrchestratorMetrics metrics, CheckStore checks, VariantChecker checker, VariantRepairer repairer,
            CheckReporter checkReporter, PipelineCancelStep pipelineCancels, Clock clock) {
        this.runner = runner;
        this.variants = variants;
        this.audit = audit;
        this.patcher = patcher;
        this.publisher = publisher;
        this.reports = reports;
        this.progress = progress;
        this.properties = properties;
        this.metrics = metrics;
        this.checks = checks;
        this.checker = checker;
        this.repairer = repairer;
        this.checkReporter = checkReporter;
        this.pipelineCancels = pipelineCancels;
        this.clock = clock;
    }

    public StepResult run(String jobId, int k, SchedulerClient scheduler) {
        // The job's fields a variant uses (repository, base commit, refs, intent, deadline) are fixed before
        // its variants are scheduled, so it is read once; cancellation is re-read before every phase.
        return runner.onJob(jobId, job -> {
            Optional<Instant> retryAt = advance(job, k);
            // Runs this variant stopped following are marked in the database; a replay after a crash schedules too.
            if (pipelineCancels.due(jobId)) {
                JobTasks.scheduleOnce(scheduler, JobTasks.pipelineCancel(jobId), clock.instant());
            }
            if (retryAt.isPresent()) {
                return StepResult.runAgainAt(retryAt.get());
            }
            afterVariant(job, k, scheduler);
            return StepResult.done();
        });
    }

    /** Runs phases until the variant ends; returns when to try again after a transient failure. */
    private Optional<Instant> advance(JobRecord job, int k) {
        String jobId = job.id();
        // The patch generated in this run, so that the commit phase need not read it back.
        PatchResponse generated = null;
        while (true) {
            // Set when the check phase waits for pipeline runs: the step comes back then, as no failure.
            Instant lookAgainAt = null;
            VariantSnapshot snapshot = variants.snapshot(jobId, k).orElse(null);
            if (snapshot == null || snapshot.variant().state().isTerminal()) {
                return Optional.empty();
            }
            VariantRecord v = snapshot.variant();
            if (stopped(job, snapshot)) {
                progress.changed(jobId);
                return Optional.empty();
            }
            try {
                boolean ended = switch (v.step()) {
                    case PENDING -> {
                        variants.started(jobId, k, branchName(job, k), clock.instant());
                        yield false;
                    }
                    case BRANCH -> {
                        variants.branchReady(jobId, k, publisher.ensureBranch(job, v), clock.instant());
                        yield false;
                    }
                    case PATCH -> {
                        generated = patcher.generate(job, v);
                        yield false;
                    }
                    case COMMIT -> {
                        PatchResponse patch = generated != null ? generated : patcher.recorded(job, v);
                        variants.committed(jobId, k, publisher.ensureCommit(job, v, patch), clock.instant());
                        yield false;
                    }
                    case PULL_REQUEST -> {
                        PullRequestRef pr = publisher.ensurePullRequest(job, v);
                        variants.pullRequestOpened(jobId, k, pr.id(), pr.url(), clock.instant());
                        audit.record(jobId, "variant-pull-request", "variant " + k + " → PR " + pr.id(),
                                clock.instant());
                        progress.changed(jobId);
                        yield false;
                    }
                    case CHECK -> {
                        if (!checker.enabled()) {
                            succeeded(job, v);
                            yield true;
                        }
                        Optional<CheckRound> recorded = checks.round(jobId, k, v.checkRound());
                        if (recorded.isEmpty()) {
                            // Recorded first, acted on in the next pass: a cancellation meanwhile stops it before.
                            Optional<Instant> later = checker.check(job, v);
                            if (later.isPresent()) {
                                variants.attemptsCleared(jobId, k, clock.instant());
                                lookAgainAt = later.get();
                            }
                            yield false;
                        }
                        yield afterCheck(job, v, recorded.get());
                    }
                    case REPAIR -> {
                        repairer.repair(job, v, checks.round(jobId, k, v.checkRound()).orElseThrow());
                        progress.changed(jobId);
                        yield false;
                    }
                    case DONE -> throw new IllegalStateException(
                            "job " + jobId + " variant " + k + " is done but " + v.state());
                };
                if (lookAgainAt != null) {
                    return Optional.of(lookAgainAt);
                }
                if (ended) {
                    return Optional.empty();
                }
            } catch (CallFailure e) {
                FailedAttempts failed = variants.attemptFailed(jobId, k, e.getMessage(), clock.instant());
                Optional<Instant> retryAt = runner.retryAt(v.step().dbValue(),
                        "Job " + jobId + " variant " + k + " step " + v.step().dbValue(), e, failed);
                if (retryAt.isPresent()) {
                    // The progress reply says the variant waits for the dependency, and why.
                    progress.changed(jobId);
                    return retryAt;
                }
                String reason = e.isTransient() ? e.getMessage() + " (gave up after " + failed.attempts()
                        + " attempts in " + describe(Duration.between(failed.since(), clock.instant())) + ")"
                        : e.getMessage();
                if (v.step() == VariantPhase.CHECK || v.step() == VariantPhase.REPAIR) {
                    checksGaveUp(job, v, reason);
                    return Optional.empty();
                }
                end(job, v, VariantState.FAILED, reason);
                progress.changed(jobId);
                return Optional.empty();
            }
        }
    }

    /**
     * Acts on a recorded round: a failed one that a repair may fix moves on to the repair while rounds are left;
     * otherwise the pull requests are told and the variant succeeds. Returns true when the variant ended.
     */
    private boolean afterCheck(JobRecord job, VariantRecord v, CheckRound round) {
        // The budget counts from the variant's first round, or from the round of its latest /refine commit.
        if (round.repairable() && round.round() - v.repairsFrom() < round.repairsAllowed()
                && round.repairError() == null) {
            variants.repairing(job.id(), v.k(), clock.instant());
            audit.record(job.id(), "variant-repairing", "variant " + v.k() + ": checks round " + round.round()
                    + " failed, repair " + (round.round() - v.repairsFrom() + 1) + " of " + round.repairsAllowed(),
                    clock.instant());
            progress.changed(job.id());
            return false;
        }
        checkReporter.report(job, v, round);
        succeeded(job, v);
        return true;
    }

    /**
     * The checks phase failed for good (the runner stayed unavailable, the repair could not be made or committed,
     * the pull requests could not be told): the variant keeps its pull request and succeeds with what is recorded.
     */
    private void checksGaveUp(JobRecord job, VariantRecord v, String reason) {
        Optional<CheckRound> recorded = checks.round(job.id(), v.k(), v.checkRound());
        if (recorded.isEmpty()) {
            checker.unavailable(job, v, reason);
            report(job, v);
        } else if (v.step() == VariantPhase.REPAIR) {
            checks.repairFailed(job.id(), v.k(), v.checkRound(), reason);
            report(job, v);
        } else {
            log.warn("Job {} variant {}: checks not reported on the pull requests: {}", job.id(), v.k(), reason);
        }
        succeeded(job, v);
    }

    /** Reports the variant's last round once more, as a last word; a failure now is only logged. */
    private void report(JobRecord job, VariantRecord v) {
        try {
            checkReporter.report(job, v, checks.round(job.id(), v.k(), v.checkRound()).orElseThrow());
        } catch (CallFailure e) {
            log.warn("Job {} variant {}: checks not reported on the pull requests: {}", job.id(), v.k(),
                    e.getMessage());
        }
    }

    private void succeeded(JobRecord job, VariantRecord v) {
        long duration = Duration.between(v.startedAt(), clock.instant()).toMillis();
        variants.succeeded(job.id(), v.k(), duration, clock.instant());
        audit.record(job.id(), "variant-succeeded", "variant " + v.k() + " → PR " + v.pullRequestId(),
                clock.instant());
        metrics.variantFinished(VariantState.SUCCEEDED, Duration.ofMillis(duration));
        reports.variantEnded(job.id(), v.k());
        progress.changed(job.id());
    }

    /** Ends the variant when the job was cancelled or time ran out; true when it did. */
    private boolean stopped(JobRecord job, VariantSnapshot snapshot) {
        VariantRecord v = snapshot.variant();
        Instant now = clock.instant();
        boolean checking = v.step() == VariantPhase.CHECK || v.step() == VariantPhase.REPAIR;
        if (snapshot.cancelRequested() || now.isAfter(job.deadlineAt())) {
            if (snapshot.jobCancelReason() == CancelReason.TERMINATED) {
                if (checking && checks.round(job.id(), v.k(), v.checkRound()).isEmpty()) {
                    checker.cancelled(job, v, "cancelled on request");
                }
                end(job, v, VariantState.CANCELLED, "cancelled on request");
            } else if (checking) {
                // Its pull request is open: the variant stands, unchecked past this point.
                if (checks.round(job.id(), v.k(), v.checkRound()).isEmpty()) {
                    checker.timedOut(job, v, "stopped: the job ran out of time");
                }
                report(job, v);
                succeeded(job, v);
            } else {
                end(job, v, VariantState.FAILED, "stopped: the job ran out of time ("
                        + properties.jobTimeout().toMinutes() + " min)");
            }
            return true;
        }
        if (!checking && v.startedAt() != null
                && Duration.between(v.startedAt(), now).compareTo(properties.variantTimeout()) > 0) {
            end(job, v, VariantState.FAILED, "timed out after " + describe(properties.variantTimeout())
                    + " in step " + v.step().dbValue());
            return true;
        }
        return false;
    }

    private void end(JobRecord job, VariantRecord v, VariantState state, String reason) {
        Long duration = v.startedAt() == null ? null : Duration.between(v.startedAt(), clock.instant()).toMillis();
        variants.ended(job.id(), v.k(), state, reason, duration, clock.instant());
        audit.record(job.id(), "variant-" + state.name().toLowerCase(Locale.ROOT), "variant " + v.k() + ": " + reason,
                clock.instant());
        metrics.variantFinished(state, Duration.ofMillis(duration == null ? 0 : duration));
        log.info("Job {} variant {} {}: {}", job.id(), v.k(), state, reason);
        reports.variantEnded(job.id(), v.k());
    }

    private void afterVariant(JobRecord job, int k, SchedulerClient scheduler) {
        int next = k + properties.variantParallelism();
        if (next <= job.variantsRequested()) {
            scheduler.scheduleIfNotExists(JobTasks.variant(job.id(), next), clock.instant());
        }
        if (variants.unfinished(job.id()) == 0) {
            JobTasks.scheduleOnce(scheduler, JobTasks.fanIn(job.id()), clock.instant());
        }
    }

    String branchName(JobRecord job, int k) {
        return properties.branchPrefix() + "edit-" + job.pullRequestId() + "-" + job.shortId() + "-" + k;
    }

    private static String describe(Duration d) {
        return d.toSeconds() >= 120 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
