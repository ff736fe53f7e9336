package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.git.TriggerPermission;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.FailedAttempts;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.JobPhase;
import dev.codeagent.orchestrator.job.JobQueue;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.QueueStanding;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import dev.codeagent.orchestrator.metrics.OrchestratorMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * First step of a job. Follow-up commands of a thread ({@code /pick}, {@code /refine}…) are {@link FollowUpStep}'s.
 * Help and rejected commands get their reply and end here. For edit commands the adapter is
 * asked first whether the comment's author may ask for changes: if not, one reply says who may and the job ends
 * rejected, with nothing else done; if that cannot be learnt, one reply says why and the job fails, again with
 * nothing done. Allowed, the job waits in the queue until the caps on running work admit it ({@link Admission}),
 * its progress reply saying where it stands; admitted, it gets its deadline, the progress reply and the pending PR
 * status, then the pull request's context is gathered once and stored with the job, and the first variants are
 * scheduled (at most {@code variantParallelism} at a time). Each side effect is preceded by a record of where the job stands, and
 * repeats safely.
 */
@Component
public class PrepareStep {

    private static final Logger log = LoggerFactory.getLogger(PrepareStep.class);
    /**
     * How often a queued job looks at the queue on its own: the safety net behind the wake-up that a finishing job
     * gives the next ones, and how often its progress reply may show a new place in the queue.
     */
    static final Duration QUEUE_RECHECK = Duration.ofSeconds(15);

    private final StepRunner runner;
    private final JobStore jobs;
    private final VariantStore variants;
    private final JobAudit audit;
    private final AdapterClient adapter;
    private final ContextGatherer context;
    private final CommentRenderer renderer;
    private final WorkflowProperties properties;
    private final JobQueue queue;
    private final Admission admission;
    private final OrchestratorMetrics metrics;
    private final FollowUpStep followUps;
    private final Clock clock;

    public PrepareStep(StepRunner runner, JobStore jobs, VariantStore variants, JobAudit audit, AdapterClient adapter,
            ContextGatherer context, CommentRenderer renderer, WorkflowProperties properties, JobQueue queue,
            Admission admission, OrchestratorMetrics metrics, FollowUpStep followUps, Clock clock) {
        this.runner = runner;
        this.jobs = jobs;
        this.variants = variants;
        this.audit = audit;
        this.adapter = adapter;
        this.context = context;
        this.renderer = renderer;
        this.properties = properties;
        this.queue = queue;
        this.admission = admission;
        this.metrics = metrics;
        this.followUps = followUps;
        this.clock = clock;
    }

    public StepResult run(String jobId, SchedulerClient scheduler) {
        return runner.onJob(jobId, job -> {
            try {
                if (followUps.claim(job)) {
                    return followUps.run(job, scheduler);
                }
                if (job.kind() != CommandKind.EDIT) {
                    answerHelp(job);
                    return StepResult.done();
                }
                return prepareEdit(job, scheduler);
            } catch (CallFailure e) {
                return failed(job, e, scheduler);
            }
        });
    }

    private void answerHelp(JobRecord job) {
        jobs.markRunning(job.id(), JobPhase.REPLY, clock.instant());
        adapter.reply(job.repository(), job.pullRequestId(), job.threadId(),
                new CommentRequest(renderer.help(job), job.replyParentId()), "job-" + job.id() + "-help");
        boolean rejected = job.kind() == CommandKind.REJECTED;
        Outcome outcome = rejected ? Outcome.FAILED : Outcome.SUCCESS;
        if (jobs.finish(job.id(), RuntimeStatus.Completed, outcome, rejected ? job.rejectionReason() : null,
                clock.instant())) {
            audit.record(job.id(), "replied", rejected ? "rejected: " + job.rejectionReason() : "help", clock.instant());
            metrics.jobFinished(RuntimeStatus.Completed, outcome);
        }
    }

    private StepResult prepareEdit(JobRecord job, SchedulerClient scheduler) {
        if (!authorized(job)) {
            return StepResult.done();
        }
        boolean admitted = queue.admitted(job.id());
        // A queued job has no deadline yet: it starts at admission.
        if (job.cancelRequested() || admitted && clock.instant().isAfter(job.deadlineAt())) {
            jobs.requestCancel(job.id(), CancelReason.TIMEOUT, clock.instant());
            endUnstartedVariants(job.id(), VariantState.CANCELLED, null);
            scheduler.scheduleIfNotExists(JobTasks.fanIn(job.id()), clock.instant());
            return StepResult.done();
        }
        if (!admitted) {
            if (!admission.enter(job.id(), scheduler)) {
                showQueued(job);
                return StepResult.runAgainAt(clock.instant().plus(QUEUE_RECHECK));
            }
            // Admission set the deadline.
            job = jobs.find(job.id()).orElseThrow();
        }
        scheduler.scheduleIfNotExists(JobTasks.deadline(job.id()), job.deadlineAt());
        if (job.progressCommentId() == null) {
            CommentRef ref = adapter.reply(job.repository(), job.pullRequestId(), job.threadId(),
                    new CommentRequest(renderer.progress(job, variants.variants(job.id())), job.replyParentId()),
                    "job-" + job.id() + "-progress");
            jobs.progressComment(job.id(), ref.threadId(), ref.commentId(), clock.instant());
        } else if (queue.lastReport(job.id()) != null) {
            showRunning(job);
        }
        if (job.baseCommit() == null) {
            // Repeated if context gathering is retried; setting the same status again is harmless.
            adapter.status(job.repository(), job.pullRequestId(), new StatusRequest(StatusState.PENDING,
                    StatusRequest.GENRE, StatusRequest.NAME, renderer.statusDescription(job, null, List.of()),
                    renderer.jobUrl(job)));
            jobs.moveTo(job.id(), JobPhase.CONTEXT, clock.instant());
            context.gather(job);
        } else {
            jobs.moveTo(job.id(), JobPhase.FAN_OUT, clock.instant());
        }
        int first = Math.min(job.variantsRequested(), properties.variantParallelism());
        for (int k = 1; k <= first; k++) {
            scheduler.scheduleIfNotExists(JobTasks.variant(job.id(), k), clock.instant());
        }
        return StepResult.done();
    }

    /**
     * The progress reply of a queued job says where it stands; it is posted now if it was not yet, and edited only
     * when the standing changed since it last said it. An edit that fails is left to the next look.
     */
    private void showQueued(JobRecord job) {
        QueueStanding standing = queue.standing(job.id()).orElse(null);
        if (standing == null) {
            // Admitted (or cancelled) since: the next run, brought forward by whoever admitted it, goes on.
            return;
        }
        String line = renderer.queueStanding(standing, queue.caps());
        String body = renderer.progressQueued(job, variants.variants(job.id()), line);
        if (job.progressCommentId() == null) {
            CommentRef ref = adapter.reply(job.repository(), job.pullRequestId(), job.threadId(),
                    new CommentRequest(body, job.replyParentId()), "job-" + job.id() + "-progress");
            jobs.progressComment(job.id(), ref.threadId(), ref.commentId(), clock.instant());
            queue.report(job.id(), line);
            log.info("Job {} queued: {}", job.id(), line);
        } else if (!line.equals(queue.lastReport(job.id()))) {
            try {
                adapter.updateComment(job.repository(), job.pullRequestId(), job.progressThreadId(),
                        job.progressCommentId(), new CommentRequest(body, null));
                queue.report(job.id(), line);
            } catch (CallFailure e) {
                log.warn("Progress reply of queued job {} not updated: {}", job.id(), e.getMessage());
            }
        }
    }

    /** The progress reply said the job was queued; now it runs. Best effort: the variants rewrite it soon. */
    private void showRunning(JobRecord job) {
        try {
            adapter.updateComment(job.repository(), job.pullRequestId(), job.progressThreadId(),
                    job.progressCommentId(),
                    new CommentRequest(renderer.progress(job, variants.variants(job.id())), null));
            queue.report(job.id(), null);
        } catch (CallFailure e) {
            log.warn("Progress reply of admitted job {} not updated: {}", job.id(), e.getMessage());
        }
    }

    /**
     * Whether the comment's author may ask for changes, asked of the adapter before anything is posted or scheduled,
     * until the answer is recorded: a replay in {@link JobPhase#AUTHORIZE} asks again (the adapter keeps its answers
     * for a while), one after it does not. Denied, the job is rejected here.
     */
    private boolean authorized(JobRecord job) {
        if (job.status() != RuntimeStatus.Pending && job.step() != JobPhase.AUTHORIZE) {
            return true;
        }
        jobs.markRunning(job.id(), JobPhase.AUTHORIZE, clock.instant());
        TriggerPermission permission = adapter.triggerPermission(job.repository(), job.author());
        if (!permission.allowed()) {
            reject(job, permission);
            return false;
        }
        jobs.moveTo(job.id(), JobPhase.PROGRESS, clock.instant());
        audit.record(job.id(), "started", job.variantsRequested() + " variants", clock.instant());
        return true;
    }

    /** One reply saying who may ask; the variants are cancelled unstarted and the job completes rejected. */
    private void reject(JobRecord job, TriggerPermission permission) {
        adapter.reply(job.repository(), job.pullRequestId(), job.threadId(),
                new CommentRequest(renderer.notAllowed(job, permission.allowedGroups()), job.replyParentId()),
                "job-" + job.id() + "-denied");
        String reason = "not allowed: " + permission.reason();
        endUnstartedVariants(job.id(), VariantState.CANCELLED, reason);
        if (jobs.finish(job.id(), RuntimeStatus.Completed, Outcome.REJECTED, reason, clock.instant())) {
            audit.record(job.id(), "rejected", "author " + uniqueName(job) + ": " + permission.reason(),
                    clock.instant());
            metrics.jobFinished(RuntimeStatus.Completed, Outcome.REJECTED);
            log.info("Job {} rejected: {}", job.id(), permission.reason());
        }
    }

    /**
     * Fail closed: whether the author may ask for changes could not be learnt, so nothing is done. The thread is told
     * why, if it can be; the variants fail unstarted and the job fails, without a summary or a PR status.
     */
    private void failClosed(JobRecord job, CallFailure e) {
        try {
            adapter.reply(job.repository(), job.pullRequestId(), job.threadId(),
                    new CommentRequest(renderer.permissionUnknown(job, e.getMessage()), job.replyParentId()),
                    "job-" + job.id() + "-unchecked");
        } catch (CallFailure replyFailed) {
            log.warn("Job {} could not say why it did nothing: {}", job.id(), replyFailed.getMessage());
        }
        String error = "not started: who may trigger could not be checked: " + e.getMessage();
        endUnstartedVariants(job.id(), VariantState.FAILED, error);
        if (jobs.finish(job.id(), RuntimeStatus.Failed, Outcome.FAILED, error, clock.instant())) {
            metrics.jobFinished(RuntimeStatus.Failed, Outcome.FAILED);
        }
    }

    private static String uniqueName(JobRecord job) {
        if (job.author() == null) {
            return "unknown";
        }
        return job.author().uniqueName() != null ? job.author().uniqueName() : "id " + job.author().id();
    }

    private StepResult failed(JobRecord job, CallFailure e, SchedulerClient scheduler) {
        FailedAttempts attempts = jobs.attemptFailed(job.id(), e.getMessage(), clock.instant());
        // The phase the failure happened in: the job record was read before this run moved it on.
        JobPhase phase = jobs.find(job.id()).map(JobRecord::step).orElse(job.step());
        Optional<Instant> retryAt = runner.retryAt("prepare", "Job " + job.id() + " " + phase.label(), e, attempts);
        if (retryAt.isPresent()) {
            return StepResult.runAgainAt(retryAt.get());
        }
        log.warn("Job {} could not start: {}", job.id(), e.getMessage());
        audit.record(job.id(), "failed", e.getMessage(), clock.instant());
        if (phase == JobPhase.AUTHORIZE) {
            failClosed(job, e);
            return StepResult.done();
        }
        if (job.kind() != CommandKind.EDIT) {
            jobs.finish(job.id(), RuntimeStatus.Failed, Outcome.FAILED, e.getMessage(), clock.instant());
            metrics.jobFinished(RuntimeStatus.Failed, Outcome.FAILED);
            return StepResult.done();
        }
        endUnstartedVariants(job.id(), VariantState.FAILED, "not started: " + e.getMessage());
        scheduler.scheduleIfNotExists(JobTasks.fanIn(job.id()), clock.instant());
        return StepResult.done();
    }

    private void endUnstartedVariants(String jobId, VariantState state, String error) {
        for (VariantRecord v : variants.variants(jobId)) {
            if (v.state() == VariantState.PENDING) {
                variants.ended(jobId, v.k(), state, error, null, clock.instant());
            }
        }
    }
}
