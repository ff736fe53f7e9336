package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.FailedAttempts;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.JobRecord;
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
 * dev.codeagent.orchestrator.job.VariantPhase}): {@code pending → branch → patch → commit → pull-request → done}.
 * Each phase is recorded before the next one's side effect, and the side effects look at the git host before they
 * act ({@link VariantPublisher}), so a replayed phase repeats nothing. Cancellation and timeouts are checked
 * between phases.
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
    private final Clock clock;

    public VariantStep(StepRunner runner, VariantStore variants, JobAudit audit, VariantPatcher patcher,
            VariantPublisher publisher, JobReports reports, ProgressReporter progress, WorkflowProperties properties,
            OrchestratorMetrics metrics, Clock clock) {
        this.runner = runner;
        this.variants = variants;
        this.audit = audit;
        this.patcher = patcher;
        this.publisher = publisher;
        this.reports = reports;
        this.progress = progress;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    public StepResult run(String jobId, int k, SchedulerClient scheduler) {
        // The job's fields a variant uses (repository, base commit, refs, intent, deadline) are fixed before
        // its variants are scheduled, so it is read once; cancellation is re-read before every phase.
        return runner.onJob(jobId, job -> {
            Optional<Instant> retryAt = advance(job, k);
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
                        succeeded(job, v, publisher.ensurePullRequest(job, v));
                        yield true;
                    }
                    case DONE -> throw new IllegalStateException(
                            "job " + jobId + " variant " + k + " is done but " + v.state());
                };
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
                end(job, v, VariantState.FAILED, reason);
                progress.changed(jobId);
                return Optional.empty();
            }
        }
    }

    private void succeeded(JobRecord job, VariantRecord v, PullRequestRef pr) {
        long duration = Duration.between(v.startedAt(), clock.instant()).toMillis();
        variants.succeeded(job.id(), v.k(), pr.id(), pr.url(), duration, clock.instant());
        audit.record(job.id(), "variant-succeeded", "variant " + v.k() + " → PR " + pr.id(), clock.instant());
        metrics.variantFinished(VariantState.SUCCEEDED, Duration.ofMillis(duration));
        reports.variantEnded(job.id(), v.k());
        progress.changed(job.id());
    }

    /** Ends the variant when the job was cancelled or time ran out; true when it did. */
    private boolean stopped(JobRecord job, VariantSnapshot snapshot) {
        VariantRecord v = snapshot.variant();
        Instant now = clock.instant();
        if (snapshot.cancelRequested() || now.isAfter(job.deadlineAt())) {
            if (snapshot.jobCancelReason() == CancelReason.TERMINATED) {
                end(job, v, VariantState.CANCELLED, "cancelled on request");
            } else {
                end(job, v, VariantState.FAILED, "stopped: the job ran out of time ("
                        + properties.jobTimeout().toMinutes() + " min)");
            }
            return true;
        }
        if (v.startedAt() != null && Duration.between(v.startedAt(), now).compareTo(properties.variantTimeout()) > 0) {
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
