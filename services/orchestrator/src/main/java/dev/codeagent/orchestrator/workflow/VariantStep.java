package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CommitResult;
import dev.codeagent.contracts.git.CreateBranchRequest;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.client.LlmPatchClient;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.JobViews;
import dev.codeagent.orchestrator.job.PatchSummary;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantSnapshot;
import dev.codeagent.orchestrator.metrics.OrchestratorMetrics;
import dev.codeagent.platform.web.CorrelationId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One variant of a job, as a sequence of steps recorded in the database: {@code branch → patch → commit →
 * pull-request → done}. A replayed step looks at the git host before it acts: the branch is read before it
 * is created, a branch that moved past the base commit means the commit already happened (the variant's
 * branch name is deterministic and only this variant writes it), and the draft pull request is found by
 * its marker. Cancellation and timeouts are checked between steps.
 */
@Component
public class VariantStep {

    private static final Logger log = LoggerFactory.getLogger(VariantStep.class);

    private final JobStore store;
    private final AdapterClient adapter;
    private final LlmPatchClient llm;
    private final CommentRenderer renderer;
    private final RetryPolicy retry;
    private final WorkflowProperties properties;
    private final ArtifactStore artifacts;
    private final OrchestratorMetrics metrics;
    private final ProgressReporter progress;
    private final JsonMapper json;

    public VariantStep(JobStore store, AdapterClient adapter, LlmPatchClient llm, CommentRenderer renderer,
            RetryPolicy retry, WorkflowProperties properties, ArtifactStore artifacts, OrchestratorMetrics metrics,
            ProgressReporter progress, JsonMapper json) {
        this.store = store;
        this.adapter = adapter;
        this.llm = llm;
        this.renderer = renderer;
        this.retry = retry;
        this.properties = properties;
        this.artifacts = artifacts;
        this.metrics = metrics;
        this.progress = progress;
        this.json = json;
    }

    public CompletionHandler<Void> run(String jobId, int k, SchedulerClient scheduler) {
        // The job's fields a variant uses (repository, base commit, refs, intent, deadline) are fixed before
        // its variants are scheduled, so it is read once; cancellation is re-read before every step.
        JobRecord job = store.find(jobId).orElse(null);
        if (job == null || job.status().isTerminal()) {
            return Completions.done();
        }
        try (CorrelationId.Scope ignored = CorrelationId.open(job.corrId())) {
            Optional<Instant> retryAt = advance(job, k);
            if (retryAt.isPresent()) {
                return Completions.runAgainAt(retryAt.get());
            }
            afterVariant(job, k, scheduler);
            return Completions.done();
        }
    }

    /** Runs steps until the variant ends; returns when to try again after a transient failure. */
    private Optional<Instant> advance(JobRecord job, int k) {
        String jobId = job.id();
        // The patch generated in this run, so that the commit step need not read it back.
        PatchResponse generated = null;
        while (true) {
            VariantSnapshot snapshot = store.variantSnapshot(jobId, k).orElse(null);
            if (snapshot == null) {
                return Optional.empty();
            }
            VariantRecord v = snapshot.variant();
            if (v.state().isTerminal()) {
                return Optional.empty();
            }
            if (stopped(job, snapshot)) {
                progress.changed(jobId);
                return Optional.empty();
            }
            try {
                switch (v.step()) {
                    case "pending" -> store.startVariant(jobId, k, branchName(job, k), Times.now());
                    case "branch" -> store.branchReady(jobId, k, ensureBranch(job, v), Times.now());
                    case "patch" -> generated = generate(job, v);
                    case "commit" -> store.committed(jobId, k, ensureCommit(job, v, generated), Times.now());
                    case "pull-request" -> {
                        PullRequestRef pr = ensurePullRequest(job, v);
                        long duration = Duration.between(v.startedAt(), Times.now()).toMillis();
                        store.succeeded(jobId, k, pr.id(), pr.url(), duration, Times.now());
                        store.audit(jobId, "variant-succeeded", "variant " + k + " → PR " + pr.id(), Times.now());
                        metrics.variantFinished(VariantState.SUCCEEDED, Duration.ofMillis(duration));
                        writeReport(jobId, k);
                        progress.changed(jobId);
                        return Optional.empty();
                    }
                    default -> throw new IllegalStateException("unknown variant step " + v.step());
                }
            } catch (CallFailure e) {
                int attempts = store.variantAttemptFailed(jobId, k, e.getMessage(), Times.now());
                if (e.isTransient() && retry.mayRetry(attempts)) {
                    metrics.stepRetried(v.step());
                    Instant next = retry.nextAttempt(attempts, e, Times.now());
                    log.info("Job {} variant {} step {} failed ({}), attempt {} of {}, next at {}", jobId, k,
                            v.step(), e.getMessage(), attempts, retry.maxAttempts(), next);
                    return Optional.of(next);
                }
                String reason = e.isTransient()
                        ? e.getMessage() + " (gave up after " + attempts + " attempts)" : e.getMessage();
                end(job, v, VariantState.FAILED, reason);
                progress.changed(jobId);
                return Optional.empty();
            }
        }
    }

    /** Ends the variant when the job was cancelled or time ran out; true when it did. */
    private boolean stopped(JobRecord job, VariantSnapshot snapshot) {
        VariantRecord v = snapshot.variant();
        Instant now = Times.now();
        if (snapshot.cancelRequested() || now.isAfter(job.deadlineAt())) {
            if (JobRecord.CANCEL_TERMINATED.equals(snapshot.jobCancelReason())) {
                end(job, v, VariantState.CANCELLED, "cancelled on request");
            } else {
                end(job, v, VariantState.FAILED, "stopped: the job ran out of time ("
                        + properties.jobTimeout().toMinutes() + " min)");
            }
            return true;
        }
        if (v.startedAt() != null && Duration.between(v.startedAt(), now).compareTo(properties.variantTimeout()) > 0) {
            end(job, v, VariantState.FAILED, "timed out after " + describe(properties.variantTimeout())
                    + " in step " + v.step());
            return true;
        }
        return false;
    }

    private void end(JobRecord job, VariantRecord v, VariantState state, String reason) {
        Long duration = v.startedAt() == null ? null : Duration.between(v.startedAt(), Times.now()).toMillis();
        store.ended(job.id(), v.k(), state, reason, duration, Times.now());
        store.audit(job.id(), "variant-" + state.name().toLowerCase(java.util.Locale.ROOT), "variant " + v.k() + ": "
                + reason, Times.now());
        metrics.variantFinished(state, Duration.ofMillis(duration == null ? 0 : duration));
        log.info("Job {} variant {} {}: {}", job.id(), v.k(), state, reason);
        writeReport(job.id(), v.k());
    }

    /**
     * The adapter's create is idempotent and looks before it creates: a branch that already exists at the base
     * commit is returned as is, one that moved on (our commit landed before a crash) comes back as a conflict
     * that names its current head.
     */
    private String ensureBranch(JobRecord job, VariantRecord v) {
        try {
            return adapter.createBranch(job.repository(), new CreateBranchRequest(v.branch(), job.baseCommit())).commit();
        } catch (CallFailure e) {
            if (e.isConflict() && e.currentCommit() != null) {
                return e.currentCommit();
            }
            throw e;
        }
    }

    private PatchResponse generate(JobRecord job, VariantRecord v) {
        JobContext context = json.readValue(store.context(job.id()).orElseThrow(), JobContext.class);
        PatchRequest request = new PatchRequest(job.id(), job.intent(), v.k(), job.variantsRequested(),
                context.pullRequest(), context.files(), context.changedPaths(), context.tree());
        String prefix = variantPrefix(job.id(), v.k());
        artifacts.put(prefix + "request.json", "application/json", json.writeValueAsBytes(request));
        PatchResponse patch = llm.patch(request);
        String patchJson = json.writeValueAsString(patch);
        artifacts.put(prefix + "response.json", "application/json", patchJson.getBytes(StandardCharsets.UTF_8));
        if (patch.diff() != null) {
            artifacts.put(prefix + "diff.patch", "text/x-diff", patch.diff().getBytes(StandardCharsets.UTF_8));
        }
        List<FileChange> changes = patch.changes() == null ? List.of() : patch.changes();
        if (changes.isEmpty()) {
            throw new CallFailure("the model proposed no change for this variant", 422, false, null, null, null);
        }
        store.patchReady(job.id(), v.k(), new PatchSummary(patch.strategy(), patch.summary(), changes.size(),
                patch.linesAdded(), patch.linesRemoved(), patch.provider(), patch.model(), patch.offline()),
                patchJson, Times.now());
        return patch;
    }

    /**
     * Commits on the variant branch, guarded by {@code expectedHead} = base commit: the adapter applies it only
     * while the branch still sits at the base, so a replay after a lost answer gets a 409 whose current head is
     * the commit that already landed (nobody else writes this branch) instead of a second commit.
     */
    private String ensureCommit(JobRecord job, VariantRecord v, PatchResponse generated) {
        PatchResponse patch = generated != null ? generated
                : json.readValue(store.patch(job.id(), v.k()).orElseThrow(), PatchResponse.class);
        PatchOutline outline = new PatchOutline(patch.strategy(), patch.summary(), patch.provider(), patch.model(),
                patch.offline());
        CommitRequest request = new CommitRequest(v.branch(), job.baseCommit(),
                renderer.commitMessage(job, v.k(), outline), null, patch.changes());
        try {
            return adapter.commit(job.repository(), request).commit();
        } catch (CallFailure e) {
            if (e.isConflict() && e.currentCommit() != null && !e.currentCommit().equals(job.baseCommit())) {
                return e.currentCommit();
            }
            if (e.isNotFound() && adapter.branch(job.repository(), v.branch()).isEmpty()) {
                // The branch was deleted behind our back before the commit landed: recreate it and commit.
                ensureBranch(job, v);
                return adapter.commit(job.repository(), request).commit();
            }
            throw e;
        }
    }

    private PullRequestRef ensurePullRequest(JobRecord job, VariantRecord v) {
        String marker = AgentMarker.of("job", job.id(), "variant", String.valueOf(v.k()));
        return adapter.findOrCreatePullRequest(job.repository(), new CreatePullRequestRequest(
                "refs/heads/" + v.branch(), job.sourceRef(),
                renderer.pullRequestTitle(job, v.k(), v.offline(), v.strategy()),
                renderer.pullRequestDescription(job, v, marker), true, marker));
    }

    private void afterVariant(JobRecord job, int k, SchedulerClient scheduler) {
        int next = k + properties.variantParallelism();
        if (next <= job.variantsRequested()) {
            scheduler.scheduleIfNotExists(JobTasks.variant(job.id(), next), Times.now());
        }
        if (store.unfinishedVariants(job.id()) == 0) {
            scheduler.scheduleIfNotExists(JobTasks.fanIn(job.id()), Times.now());
        }
    }

    private void writeReport(String jobId, int k) {
        try {
            store.variant(jobId, k).ifPresent(v -> artifacts.put(variantPrefix(jobId, k) + "report.json",
                    "application/json", json.writeValueAsBytes(JobViews.variant(v))));
        } catch (RuntimeException e) {
            log.warn("Report of job {} variant {} not stored: {}", jobId, k, e.getMessage());
        }
    }

    String branchName(JobRecord job, int k) {
        return properties.branchPrefix() + "edit-" + job.pullRequestId() + "-" + job.shortId() + "-" + k;
    }

    static String variantPrefix(String jobId, int k) {
        return ArtifactStore.jobPrefix(jobId) + "variant-" + k + "/";
    }

    private static String describe(Duration d) {
        return d.toSeconds() >= 120 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
