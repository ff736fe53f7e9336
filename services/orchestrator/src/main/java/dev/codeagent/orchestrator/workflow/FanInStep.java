package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.JobViews;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.metrics.OrchestratorMetrics;
import dev.codeagent.platform.web.CorrelationId;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Last step of a job, once every variant has ended: the progress reply is rewritten to its final state,
 * the comparison of the variants is posted (idempotently, by key), the PR status becomes succeeded or
 * failed, the report goes to the artifact store and the job gets its outcome.
 */
@Component
public class FanInStep {

    private static final Logger log = LoggerFactory.getLogger(FanInStep.class);

    private final JobStore store;
    private final AdapterClient adapter;
    private final CommentRenderer renderer;
    private final RetryPolicy retry;
    private final ArtifactStore artifacts;
    private final OrchestratorMetrics metrics;
    private final JsonMapper json;

    public FanInStep(JobStore store, AdapterClient adapter, CommentRenderer renderer, RetryPolicy retry,
            ArtifactStore artifacts, OrchestratorMetrics metrics, JsonMapper json) {
        this.store = store;
        this.adapter = adapter;
        this.renderer = renderer;
        this.retry = retry;
        this.artifacts = artifacts;
        this.metrics = metrics;
        this.json = json;
    }

    public CompletionHandler<Void> run(String jobId, SchedulerClient scheduler) {
        JobRecord job = store.find(jobId).orElse(null);
        if (job == null || job.status().isTerminal()) {
            return Completions.done();
        }
        try (CorrelationId.Scope ignored = CorrelationId.open(job.corrId())) {
            List<VariantRecord> variants = store.variants(jobId);
            if (variants.stream().anyMatch(v -> !v.state().isTerminal())) {
                // A variant is still finishing its last step (possible after a cancellation); look again shortly.
                return Completions.runAgainAt(Times.now().plusSeconds(1));
            }
            long succeeded = variants.stream().filter(v -> v.state() == VariantState.SUCCEEDED).count();
            Outcome outcome = succeeded == variants.size() && !variants.isEmpty() ? Outcome.SUCCESS
                    : succeeded > 0 ? Outcome.PARTIAL_SUCCESS : Outcome.FAILED;
            RuntimeStatus status = JobRecord.CANCEL_TERMINATED.equals(job.cancelReason()) ? RuntimeStatus.Terminated
                    : succeeded > 0 ? RuntimeStatus.Completed : RuntimeStatus.Failed;
            store.step(jobId, "fan-in", Times.now());
            String note = null;
            try {
                publish(job, variants, outcome, succeeded);
            } catch (CallFailure e) {
                int attempts = store.jobAttemptFailed(jobId, e.getMessage(), Times.now());
                if (e.isTransient() && retry.mayRetry(attempts)) {
                    metrics.stepRetried("fan-in");
                    Instant next = retry.nextAttempt(attempts, e, Times.now());
                    log.info("Job {} summary failed ({}), attempt {} of {}, next at {}", jobId, e.getMessage(),
                            attempts, retry.maxAttempts(), next);
                    return Completions.runAgainAt(next);
                }
                note = "summary not published: " + e.getMessage();
                log.warn("Job {} {}", jobId, note);
            }
            String error = note != null ? note : succeeded == 0 ? firstError(job, variants) : null;
            if (store.finish(jobId, status, outcome, error, Times.now())) {
                store.audit(jobId, "finished", status + " / " + outcome, Times.now());
                metrics.jobFinished(status, outcome);
                writeReport(jobId, variants);
                cancelDeadline(jobId, scheduler);
                log.info("Job {} finished: {} / {} ({} of {} variants succeeded)", jobId, status, outcome,
                        succeeded, variants.size());
            }
            return Completions.done();
        }
    }

    private void publish(JobRecord job, List<VariantRecord> variants, Outcome outcome, long succeeded) {
        if (job.progressCommentId() != null) {
            adapter.updateComment(job.repository(), job.pullRequestId(), job.progressThreadId(),
                    job.progressCommentId(),
                    new CommentRequest(renderer.progressFinished(job, variants, outcome), null));
        }
        adapter.reply(job.repository(), job.pullRequestId(), job.threadId(),
                new CommentRequest(renderer.summary(job, variants, outcome), job.replyParentId()),
                "job-" + job.id() + "-summary");
        StatusState state = succeeded > 0 && !job.cancelRequested() ? StatusState.SUCCEEDED : StatusState.FAILED;
        adapter.status(job.repository(), job.pullRequestId(), new StatusRequest(state, StatusRequest.GENRE,
                StatusRequest.NAME, renderer.statusDescription(job, outcome, variants), renderer.jobUrl(job)));
    }

    /** The deadline has nothing left to stop; removing it keeps the task table small. */
    private static void cancelDeadline(String jobId, SchedulerClient scheduler) {
        try {
            scheduler.cancel(JobTasks.DEADLINE.instanceId(jobId));
        } catch (RuntimeException e) {
            // Not scheduled (help command) or already fired.
        }
    }

    private static String firstError(JobRecord job, List<VariantRecord> variants) {
        if (job.error() != null) {
            return job.error();
        }
        return variants.stream().map(VariantRecord::error).filter(e -> e != null).findFirst().orElse(null);
    }

    /** Variants do not change once the fan-in runs; only the job's final state is read back. */
    private void writeReport(String jobId, List<VariantRecord> variants) {
        try {
            store.find(jobId).ifPresent(job -> artifacts.put(ArtifactStore.jobPrefix(jobId) + "report.json",
                    "application/json", json.writeValueAsBytes(JobViews.job(job, variants))));
        } catch (RuntimeException e) {
            log.warn("Report of job {} not stored: {}", jobId, e.getMessage());
        }
    }
}
