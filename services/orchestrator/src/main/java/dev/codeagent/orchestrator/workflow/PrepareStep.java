package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.ChangedFile;
import dev.codeagent.contracts.git.ChangedFiles;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.contracts.git.FileContents;
import dev.codeagent.contracts.git.PullRequestInfo;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.git.TreeListing;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.contracts.patch.PullRequestContext;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.client.LlmPatchClient;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.metrics.OrchestratorMetrics;
import dev.codeagent.platform.web.CorrelationId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * First step of a job. Help and rejected commands get their reply and end here. Edit commands get the
 * progress reply and the pending PR status, then the pull request's context is gathered once and stored
 * with the job, and the first variants are scheduled (at most {@code variantParallelism} at a time).
 * Each side effect is preceded by a record of where the job stands, and repeats safely.
 */
@Component
public class PrepareStep {

    private static final Logger log = LoggerFactory.getLogger(PrepareStep.class);

    private final JobStore store;
    private final AdapterClient adapter;
    private final LlmPatchClient llm;
    private final CommentRenderer renderer;
    private final RetryPolicy retry;
    private final WorkflowProperties properties;
    private final ArtifactStore artifacts;
    private final OrchestratorMetrics metrics;
    private final JsonMapper json;

    public PrepareStep(JobStore store, AdapterClient adapter, LlmPatchClient llm, CommentRenderer renderer,
            RetryPolicy retry, WorkflowProperties properties, ArtifactStore artifacts, OrchestratorMetrics metrics,
            JsonMapper json) {
        this.store = store;
        this.adapter = adapter;
        this.llm = llm;
        this.renderer = renderer;
        this.retry = retry;
        this.properties = properties;
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
            try {
                if (job.kind() != CommandKind.EDIT) {
                    answerHelp(job);
                    return Completions.done();
                }
                return prepareEdit(job, scheduler);
            } catch (CallFailure e) {
                return failed(job, e, scheduler);
            }
        }
    }

    private void answerHelp(JobRecord job) {
        Instant now = Times.now();
        store.markRunning(job.id(), "reply", now);
        adapter.reply(job.repository(), job.pullRequestId(), job.threadId(),
                new CommentRequest(renderer.help(job), job.replyParentId()), "job-" + job.id() + "-help");
        boolean rejected = job.kind() == CommandKind.REJECTED;
        Outcome outcome = rejected ? Outcome.FAILED : Outcome.SUCCESS;
        if (store.finish(job.id(), RuntimeStatus.Completed, outcome, rejected ? job.rejectionReason() : null,
                Times.now())) {
            store.audit(job.id(), "replied", rejected ? "rejected: " + job.rejectionReason() : "help", Times.now());
            metrics.jobFinished(RuntimeStatus.Completed, outcome);
        }
    }

    private CompletionHandler<Void> prepareEdit(JobRecord job, SchedulerClient scheduler) {
        scheduler.scheduleIfNotExists(JobTasks.deadline(job.id()), job.deadlineAt());
        if (job.cancelRequested() || Times.now().isAfter(job.deadlineAt())) {
            store.requestCancel(job.id(), JobRecord.CANCEL_TIMEOUT, Times.now());
            endUnstartedVariants(job.id(), VariantState.CANCELLED, null);
            scheduler.scheduleIfNotExists(JobTasks.fanIn(job.id()), Times.now());
            return Completions.done();
        }
        if (job.status() == RuntimeStatus.Pending) {
            store.markRunning(job.id(), "progress", Times.now());
            store.audit(job.id(), "started", job.variantsRequested() + " variants", Times.now());
        }
        if (job.progressCommentId() == null) {
            CommentRef ref = adapter.reply(job.repository(), job.pullRequestId(), job.threadId(),
                    new CommentRequest(renderer.progress(job, store.variants(job.id())), job.replyParentId()),
                    "job-" + job.id() + "-progress");
            store.progressComment(job.id(), ref.threadId(), ref.commentId(), Times.now());
        }
        if (job.baseCommit() == null) {
            // Repeated if context gathering is retried; setting the same status again is harmless.
            adapter.status(job.repository(), job.pullRequestId(), new StatusRequest(StatusState.PENDING,
                    StatusRequest.GENRE, StatusRequest.NAME, renderer.statusDescription(job, null, List.of()),
                    renderer.jobUrl(job)));
            store.step(job.id(), "context", Times.now());
            gatherContext(job);
        } else {
            store.step(job.id(), "fan-out", Times.now());
        }
        int first = Math.min(job.variantsRequested(), properties.variantParallelism());
        for (int k = 1; k <= first; k++) {
            scheduler.scheduleIfNotExists(JobTasks.variant(job.id(), k), Times.now());
        }
        return Completions.done();
    }

    private void gatherContext(JobRecord job) {
        PullRequestInfo pr = adapter.pullRequest(job.repository(), job.pullRequestId());
        if (pr.sourceCommit() == null || pr.sourceRef() == null) {
            throw new CallFailure("the pull request has no source branch or commit", 422, false, null, null, null);
        }
        ChangedFiles changes = adapter.changes(job.repository(), job.pullRequestId());
        List<String> changedPaths = new ArrayList<>();
        for (ChangedFile f : changes.files() == null ? List.<ChangedFile>of() : changes.files()) {
            if (f.changeType() != ChangeType.DELETE) {
                changedPaths.add(f.path());
            }
        }
        TreeListing tree = adapter.tree(job.repository(), pr.sourceCommit());
        ContextSelection selection = llm.selectContext(new ContextSelectionRequest(job.intent(),
                tree.entries(), changedPaths, properties.contextBudgetBytes()));
        List<SourceFile> files = new ArrayList<>();
        List<String> paths = selection.paths() == null ? List.of() : selection.paths();
        for (int i = 0; i < paths.size(); i += properties.contentsBatchSize()) {
            List<String> batch = paths.subList(i, Math.min(paths.size(), i + properties.contentsBatchSize()));
            FileContents contents = adapter.contents(job.repository(), new ContentsRequest(pr.sourceCommit(), batch));
            for (FileContent file : contents.files()) {
                // The model must see whole text files: a truncated file would be rewritten without its tail.
                if (!file.binary() && !file.truncated() && file.content() != null) {
                    files.add(new SourceFile(file.path(), file.content()));
                }
            }
        }
        JobContext context = new JobContext(new PullRequestContext(pr.id(), pr.title(), pr.description(),
                pr.sourceRef(), pr.targetRef()), files, changedPaths, tree.entries());
        String contextJson = json.writeValueAsString(context);
        artifacts.put(ArtifactStore.jobPrefix(job.id()) + "context.json", "application/json",
                contextJson.getBytes(StandardCharsets.UTF_8));
        store.context(job.id(), pr.sourceCommit(), pr.sourceRef(), pr.targetRef(), pr.title(), pr.description(),
                contextJson, Times.now());
        store.audit(job.id(), "context", files.size() + " files at " + pr.sourceCommit(), Times.now());
    }

    private CompletionHandler<Void> failed(JobRecord job, CallFailure e, SchedulerClient scheduler) {
        int attempts = store.jobAttemptFailed(job.id(), e.getMessage(), Times.now());
        if (e.isTransient() && retry.mayRetry(attempts)) {
            metrics.stepRetried("prepare");
            Instant next = retry.nextAttempt(attempts, e, Times.now());
            log.info("Job {} step {} failed ({}), attempt {} of {}, next at {}", job.id(), job.step(), e.getMessage(),
                    attempts, retry.maxAttempts(), next);
            return Completions.runAgainAt(next);
        }
        log.warn("Job {} could not start: {}", job.id(), e.getMessage());
        store.audit(job.id(), "failed", e.getMessage(), Times.now());
        if (job.kind() != CommandKind.EDIT) {
            store.finish(job.id(), RuntimeStatus.Failed, Outcome.FAILED, e.getMessage(), Times.now());
            metrics.jobFinished(RuntimeStatus.Failed, Outcome.FAILED);
            return Completions.done();
        }
        endUnstartedVariants(job.id(), VariantState.FAILED, "not started: " + e.getMessage());
        scheduler.scheduleIfNotExists(JobTasks.fanIn(job.id()), Times.now());
        return Completions.done();
    }

    private void endUnstartedVariants(String jobId, VariantState state, String error) {
        for (VariantRecord v : store.variants(jobId)) {
            if (v.state() == VariantState.PENDING) {
                store.ended(jobId, v.k(), state, error, null, Times.now());
            }
        }
    }
}
