package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.CheckStore;
import dev.codeagent.orchestrator.job.FailedAttempts;
import dev.codeagent.orchestrator.job.FollowUpStore;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.JobPhase;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import dev.codeagent.orchestrator.metrics.OrchestratorMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Last step of a job, once every variant has ended: the progress reply is rewritten to its final state, the
 * comparison of the variants — ranked by their checks, one recommended — is posted (idempotently, by key; rewritten in
 * place when a /retry or a refine ran the job again), the PR status becomes succeeded or failed, the report goes to
 * the artifact store and the job gets its outcome. Its room under the caps on running work goes to the next queued
 * jobs at once.
 */
@Component
public class FanInStep {

    private static final Logger log = LoggerFactory.getLogger(FanInStep.class);
    /** How soon to look again while a variant is still finishing its last phase (possible after a cancellation). */
    static final Duration VARIANTS_SETTLING = Duration.ofSeconds(1);

    private final StepRunner runner;
    private final JobStore jobs;
    private final VariantStore variants;
    private final JobAudit audit;
    private final AdapterClient adapter;
    private final CommentRenderer renderer;
    private final JobReports reports;
    private final Admission admission;
    private final OrchestratorMetrics metrics;
    private final CheckStore checks;
    private final FollowUpStore followUps;
    private final Clock clock;

    public FanInStep(StepRunner runner, JobStore jobs, VariantStore variants, JobAudit audit, AdapterClient adapter,
            CommentRenderer renderer, JobReports reports, Admission admission, OrchestratorMetrics metrics,
            CheckStore checks, FollowUpStore followUps, Clock clock) {
        this.runner = runner;
        this.jobs = jobs;
        this.variants = variants;
        this.audit = audit;
        this.adapter = adapter;
        this.renderer = renderer;
        this.reports = reports;
        this.admission = admission;
        this.metrics = metrics;
        this.checks = checks;
        this.followUps = followUps;
        this.clock = clock;
    }

    public StepResult run(String jobId, SchedulerClient scheduler) {
        return runner.onJob(jobId, job -> fanIn(job, scheduler));
    }

    private StepResult fanIn(JobRecord job, SchedulerClient scheduler) {
        String jobId = job.id();
        List<VariantRecord> ended = variants.variants(jobId);
        if (ended.stream().anyMatch(v -> !v.state().isTerminal())) {
            return StepResult.runAgainAt(clock.instant().plus(VARIANTS_SETTLING));
        }
        long succeeded = ended.stream().filter(v -> v.state() == VariantState.SUCCEEDED).count();
        Outcome outcome = succeeded == ended.size() && !ended.isEmpty() ? Outcome.SUCCESS
                : succeeded > 0 ? Outcome.PARTIAL_SUCCESS : Outcome.FAILED;
        RuntimeStatus status = job.cancelReason() == CancelReason.TERMINATED ? RuntimeStatus.Terminated
                : succeeded > 0 ? RuntimeStatus.Completed : RuntimeStatus.Failed;
        jobs.moveTo(jobId, JobPhase.FAN_IN, clock.instant());
        String note = null;
        try {
            publish(job, ended, outcome, succeeded);
        } catch (CallFailure e) {
            FailedAttempts attempts = jobs.attemptFailed(jobId, e.getMessage(), clock.instant());
            Optional<Instant> retryAt = runner.retryAt("fan-in", "Job " + jobId + " summary", e, attempts);
            if (retryAt.isPresent()) {
                return StepResult.runAgainAt(retryAt.get());
            }
            note = "summary not published: " + e.getMessage();
            log.warn("Job {} {}", jobId, note);
        }
        String error = note != null ? note : succeeded == 0 ? firstError(job, ended) : null;
        if (jobs.finish(jobId, status, outcome, error, clock.instant())) {
            audit.record(jobId, "finished", status + " / " + outcome, clock.instant());
            metrics.jobFinished(status, outcome);
            reports.jobFinished(jobId, ended);
            cancelDeadline(jobId, scheduler);
            log.info("Job {} finished: {} / {} ({} of {} variants succeeded)", jobId, status, outcome,
                    succeeded, ended.size());
            // Should this replica die first, the queued jobs' own looks at the queue admit them.
            admission.admitNext(scheduler);
        }
        return StepResult.done();
    }

    private void publish(JobRecord job, List<VariantRecord> ended, Outcome outcome, long succeeded) {
        if (job.progressCommentId() != null) {
            adapter.updateComment(job.repository(), job.pullRequestId(), job.progressThreadId(),
                    job.progressCommentId(),
                    new CommentRequest(renderer.progressFinished(job, ended, outcome), null));
        }
        CommentRequest summary = new CommentRequest(renderer.summary(job, ended, outcome,
                reports.notes(job.id(), ended), checks.rounds(job.id())), job.replyParentId());
        CommentRef posted = adapter.reply(job.repository(), job.pullRequestId(), job.threadId(), summary,
                "job-" + job.id() + "-summary");
        if (followUps.ranAgain(job.id())) {
            // The key answers the summary posted the first time: it shows the table of then until rewritten.
            adapter.updateComment(job.repository(), job.pullRequestId(), posted.threadId(), posted.commentId(),
                    summary);
        }
        StatusState state = succeeded > 0 && !job.cancelRequested() ? StatusState.SUCCEEDED : StatusState.FAILED;
        adapter.status(job.repository(), job.pullRequestId(), new StatusRequest(state, StatusRequest.GENRE,
                StatusRequest.NAME, renderer.statusDescription(job, outcome, ended), renderer.jobUrl(job)));
    }

    /** The deadline has nothing left to stop; removing it keeps the task table small. */
    private static void cancelDeadline(String jobId, SchedulerClient scheduler) {
        try {
            scheduler.cancel(JobTasks.DEADLINE.instanceId(jobId));
        } catch (RuntimeException e) {
            // Not scheduled (help command) or already fired.
        }
    }

    private static String firstError(JobRecord job, List<VariantRecord> ended) {
        if (job.error() != null) {
            return job.error();
        }
        return ended.stream().map(VariantRecord::error).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
