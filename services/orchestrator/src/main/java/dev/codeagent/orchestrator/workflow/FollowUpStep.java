package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.CompletePullRequestRequest;
import dev.codeagent.contracts.git.PullRequestCompletion;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.config.FollowUpProperties;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.FailedAttempts;
import dev.codeagent.orchestrator.job.FollowUpStore;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.JobPhase;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.VariantPhase;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import dev.codeagent.orchestrator.metrics.OrchestratorMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one step of a follow-up command ({@code /pick}, {@code /refine}, {@code /retry}, {@code /cancel},
 * {@code /status}, and a plain {@code /edit} written on a variant's own draft pull request, which refines that
 * variant): it finds the thread's edit job, checks who may act on it, does what was asked and replies in the
 * thread. Every side effect is recorded before the next and each one is idempotent (the adapter's complete, abandon
 * and delete answer what an earlier attempt did; replies carry an idempotency key), so a replay after a crash or a
 * lost answer repeats nothing.
 */
@Component
public class FollowUpStep {

    private static final Logger log = LoggerFactory.getLogger(FollowUpStep.class);

    private final StepRunner runner;
    private final JobStore jobs;
    private final VariantStore variants;
    private final FollowUpStore followUps;
    private final JobAudit audit;
    private final AdapterClient adapter;
    private final CommentRenderer renderer;
    private final FollowUpReplies replies;
    private final VariantRefiner refiner;
    private final VariantChecker checker;
    private final JobReports reports;
    private final JobWaker waker;
    private final ArtifactStore artifacts;
    private final WorkflowProperties workflow;
    private final FollowUpProperties properties;
    private final OrchestratorMetrics metrics;
    private final Clock clock;

    public FollowUpStep(StepRunner runner, JobStore jobs, VariantStore variants, FollowUpStore followUps,
            JobAudit audit, AdapterClient adapter, CommentRenderer renderer, FollowUpReplies replies,
            VariantRefiner refiner, VariantChecker checker, JobReports reports, JobWaker waker, ArtifactStore artifacts,
            WorkflowProperties workflow, FollowUpProperties properties, OrchestratorMetrics metrics, Clock clock) {
        this.runner = runner;
        this.jobs = jobs;
        this.variants = variants;
        this.followUps = followUps;
        this.audit = audit;
        this.adapter = adapter;
        this.renderer = renderer;
        this.replies = replies;
        this.refiner = refiner;
        this.checker = checker;
        this.reports = reports;
        this.waker = waker;
        this.artifacts = artifacts;
        this.workflow = workflow;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Whether {@code job} is a follow-up: a follow-up command, or an edit written on a variant's own pull request.
     * Such an edit is linked to the variant's job here, before anything else happens to it, so that a replay of its
     * step recognises it again whatever state it reached.
     */
    public boolean claim(JobRecord job) {
        return switch (job.kind()) {
            case PICK, REFINE, RETRY, CANCEL, STATUS -> true;
            case EDIT -> {
                if (followUps.command(job.id()).parentJobId() != null) {
                    yield true;
                }
                // A plain /edit only: /edit /N on a variant's pull request asks for new variants of it.
                if (job.status() != RuntimeStatus.Pending || job.variantsRequested() != 1) {
                    yield false;
                }
                Optional<FollowUpStore.VariantRef> ref = variantPullRequest(job);
                ref.ifPresent(r -> followUps.link(job.id(), r.jobId()));
                yield ref.isPresent();
            }
            case HELP, REJECTED -> false;
        };
    }

    public StepResult run(JobRecord job, SchedulerClient scheduler) {
        try {
            jobs.markRunning(job.id(), JobPhase.REPLY, clock.instant());
            Target target = target(job);
            if (target == null) {
                return finish(job, replies.noEditJob(job), Outcome.FAILED, "no /edit job in this thread");
            }
            JobRecord edit = jobs.find(target.editJobId()).orElseThrow();
            if (job.kind() != CommandKind.STATUS && !mayAct(job, edit)) {
                return finish(job, replies.notAllowed(job, edit), Outcome.REJECTED, "not allowed");
            }
            return switch (job.kind()) {
                case STATUS -> status(job, edit);
                case CANCEL -> cancel(job, scheduler);
                case PICK -> withVariant(job, edit, target.k(), v -> pick(job, edit, v));
                case REFINE, EDIT -> withVariant(job, edit, target.k(), v -> refine(job, edit, v, scheduler));
                case RETRY -> withVariant(job, edit, target.k(), v -> retry(job, edit, v, scheduler));
                case HELP, REJECTED -> throw new IllegalStateException("not a follow-up: " + job.kind());
            };
        } catch (CallFailure e) {
            FailedAttempts failed = jobs.attemptFailed(job.id(), e.getMessage(), clock.instant());
            Optional<Instant> retryAt = runner.retryAt("follow-up", "Job " + job.id() + " " + job.kind(), e, failed);
            if (retryAt.isPresent()) {
                return StepResult.runAgainAt(retryAt.get());
            }
            log.warn("Follow-up {} ({}) failed: {}", job.id(), job.kind(), e.getMessage());
            try {
                reply(job, replies.failed(job, e.getMessage()));
            } catch (CallFailure replyFailed) {
                log.warn("Follow-up {} could not say why it failed: {}", job.id(), replyFailed.getMessage());
            }
            end(job, RuntimeStatus.Failed, Outcome.FAILED, e.getMessage());
            return StepResult.done();
        }
    }

    /** The edit job a follow-up acts on and the variant it names (null for /cancel and /status). */
    private record Target(String editJobId, Integer k) {
    }

    private Target target(JobRecord job) {
        if (job.kind() == CommandKind.EDIT) {
            FollowUpStore.VariantRef ref = variantPullRequest(job).orElseThrow();
            endOwnVariants(job, "refines variant " + ref.k() + " of job " + ref.jobId());
            return new Target(ref.jobId(), ref.k());
        }
        FollowUpStore.Command command = followUps.command(job.id());
        String parent = command.parentJobId();
        if (parent == null) {
            parent = followUps.editOfThread(job.repository(), job.pullRequestId(), job.threadId(), job.createdAt())
                    .orElse(null);
            if (parent == null) {
                return null;
            }
            followUps.link(job.id(), parent);
        }
        return new Target(parent, command.variant());
    }

    /** An edit written on a variant's own draft pull request, whose source branch is under the agent's prefix. */
    private Optional<FollowUpStore.VariantRef> variantPullRequest(JobRecord job) {
        return followUps.variantOfPullRequest(job.repository(), job.pullRequestId())
                .filter(ref -> variants.variant(ref.jobId(), ref.k()).map(VariantRecord::branch)
                        .filter(b -> b != null && b.startsWith(workflow.branchPrefix())).isPresent());
    }

    /** The edit job's author may always follow it up; anyone else needs the trigger policy's permission. */
    private boolean mayAct(JobRecord job, JobRecord edit) {
        if (sameAuthor(job.author(), edit.author())) {
            return true;
        }
        return adapter.triggerPermission(job.repository(), job.author()).allowed();
    }

    private static boolean sameAuthor(Author a, Author b) {
        if (a == null || b == null) {
            return false;
        }
        return a.id() != null && a.id().equals(b.id())
                || a.uniqueName() != null && a.uniqueName().equalsIgnoreCase(b.uniqueName());
    }

    private interface VariantAction {
        StepResult on(VariantRecord v);
    }

    private StepResult withVariant(JobRecord job, JobRecord edit, Integer k, VariantAction action) {
        List<VariantRecord> all = variants.variants(edit.id());
        VariantRecord v = k == null ? null : all.stream().filter(r -> r.k() == k).findFirst().orElse(null);
        if (v == null) {
            return finish(job, replies.noSuchVariant(job, edit, k == null ? 0 : k, all), Outcome.FAILED,
                    "no variant " + k);
        }
        return action.on(v);
    }

    // ---- /status ------------------------------------------------------------------------------------

    private StepResult status(JobRecord job, JobRecord edit) {
        List<VariantRecord> current = variants.variants(edit.id());
        String table = edit.status().isTerminal()
                ? renderer.summary(edit, current, edit.outcome(), reports.notes(edit.id(), current))
                : renderer.progress(edit, current);
        FollowUpStore.Pick pick = followUps.pick(edit.id());
        if (pick.picked() != null) {
            table = table + "\n\nVariant " + pick.picked() + " was picked and merged as `"
                    + Markdown.line(pick.mergeCommit(), 40) + "`.";
        }
        return finish(job, table, Outcome.SUCCESS, null);
    }

    // ---- /cancel ------------------------------------------------------------------------------------

    private StepResult cancel(JobRecord job, SchedulerClient scheduler) {
        Optional<String> running = followUps.runningInThread(job.repository(), job.pullRequestId(), job.threadId(),
                job.id());
        if (running.isEmpty()) {
            return finish(job, replies.nothingToCancel(job), Outcome.SUCCESS, null);
        }
        String target = running.get();
        // The terminate path of DELETE /api/orchestrators/{id}: steps stop at their next boundary.
        if (jobs.requestCancel(target, CancelReason.TERMINATED, clock.instant())) {
            audit.record(target, "terminate", "/cancel in the thread (job " + job.id() + ")", clock.instant());
            waker.wake(scheduler, target);
        }
        return finish(job, replies.cancelling(job), Outcome.SUCCESS, null);
    }

    // ---- /pick --------------------------------------------------------------------------------------

    private StepResult pick(JobRecord job, JobRecord edit, VariantRecord v) {
        FollowUpStore.Pick recorded = followUps.pick(edit.id());
        if (recorded.picked() != null && recorded.picked() != v.k()) {
            return finish(job, replies.alreadyPicked(job, recorded.picked(), recorded.mergeCommit()),
                    Outcome.FAILED, "variant " + recorded.picked() + " was picked already");
        }
        if (!edit.status().isTerminal()) {
            return finish(job, replies.stillRunning(job), Outcome.FAILED, "the edit job is still running");
        }
        if (v.state() != VariantState.SUCCEEDED || v.pullRequestId() == null || v.commitSha() == null) {
            return finish(job, replies.notSucceeded(job, v, "picked"), Outcome.FAILED, "variant " + v.k()
                    + " did not succeed");
        }
        String mergeCommit = recorded.mergeCommit();
        if (mergeCommit == null) {
            PullRequestCompletion completion;
            try {
                completion = adapter.complete(edit.repository(), v.pullRequestId(), new CompletePullRequestRequest(
                        v.commitSha(), properties.pickMergeStrategy(), mergeMessage(edit, v), true));
            } catch (CallFailure e) {
                if (e.isMergeConflict()) {
                    return finish(job, replies.mergeConflict(job, v.k(), e.getMessage()), Outcome.FAILED,
                            "merge conflict");
                }
                if (e.isPolicyBlocked()) {
                    return finish(job, replies.policyBlocked(job, v.k(), e.policy(), e.getMessage()),
                            Outcome.FAILED, "blocked by a policy");
                }
                throw e;
            }
            mergeCommit = completion.mergeCommit();
            followUps.picked(edit.id(), v.k(), mergeCommit);
            audit.record(edit.id(), "picked", "variant " + v.k() + " merged as " + mergeCommit, clock.instant());
        }
        List<String> leftInPlace = new ArrayList<>();
        for (VariantRecord other : variants.variants(edit.id())) {
            if (other.k() == v.k() || followUps.pick(edit.id()).abandoned().contains(other.k())) {
                continue;
            }
            if (other.pullRequestId() != null) {
                adapter.abandon(edit.repository(), other.pullRequestId());
            }
            String head = other.commitSha() != null ? other.commitSha() : other.headCommit();
            if (other.branch() != null && head != null) {
                try {
                    adapter.deleteBranch(edit.repository(), other.branch(), head);
                } catch (CallFailure e) {
                    if (!e.isConflict()) {
                        throw e;
                    }
                    leftInPlace.add("Branch " + other.branch() + " has commits the agent did not make; it was left "
                            + "in place.");
                }
            }
            followUps.abandoned(edit.id(), other.k());
        }
        List<Integer> abandoned = followUps.pick(edit.id()).abandoned();
        log.info("Job {} variant {} picked: merge commit {}, abandoned {}", edit.id(), v.k(), mergeCommit, abandoned);
        return finish(job, replies.picked(job, edit, v.k(), mergeCommit, abandoned, leftInPlace), Outcome.SUCCESS,
                null);
    }

    private static String mergeMessage(JobRecord edit, VariantRecord v) {
        String intent = edit.intent() == null ? "" : edit.intent().strip().lines().findFirst().orElse("");
        return "Code Agent: " + (intent.length() > 72 ? intent.substring(0, 71) + "…" : intent) + " (variant " + v.k()
                + ")\n\nPicked from job " + edit.id() + (v.pullRequestId() == null ? "" : ", pull request "
                + v.pullRequestId()) + ".";
    }

    // ---- /refine ------------------------------------------------------------------------------------

    private StepResult refine(JobRecord job, JobRecord edit, VariantRecord v, SchedulerClient scheduler) {
        // Fixed by the first run: a replay after the commit landed goes on with the same round, not a second one.
        int round = followUps.refineRound(job.id(), followUps.refineRounds(edit.id(), v.k()) + 1);
        if (followUps.refineRounds(edit.id(), v.k()) < round) {
            FollowUpStore.Pick recorded = followUps.pick(edit.id());
            if (recorded.picked() != null) {
                return finish(job, replies.alreadyPicked(job, recorded.picked(), recorded.mergeCommit()),
                        Outcome.FAILED, "variant " + recorded.picked() + " was picked already");
            }
            if (!edit.status().isTerminal()) {
                return finish(job, replies.stillRunning(job), Outcome.FAILED, "the edit job is still running");
            }
            if (v.state() != VariantState.SUCCEEDED || v.commitSha() == null) {
                return finish(job, replies.notSucceeded(job, v, "refined"), Outcome.FAILED, "variant " + v.k()
                        + " did not succeed");
            }
            Optional<String> commit = refiner.refine(edit, v, round, job.intent(), job.id());
            if (commit.isEmpty()) {
                reply(job, replies.refineStopped(job, v.k()));
                end(job, RuntimeStatus.Terminated, Outcome.FAILED, "cancelled");
                return StepResult.done();
            }
            audit.record(edit.id(), "refined", "variant " + v.k() + " round " + round + " → " + commit.get(),
                    clock.instant());
        }
        VariantRecord refined = variants.variant(edit.id(), v.k()).orElseThrow();
        Optional<Instant> describeAgainAt = describeRefined(job, edit, refined, round);
        if (describeAgainAt.isPresent()) {
            return StepResult.runAgainAt(describeAgainAt.get());
        }
        // The reply first: once the job is reopened its variant runs and another replica may finish it.
        reply(job, replies.refined(job, v.k(), round, refined.commitSha(), job.intent(), v.pullRequestUrl(),
                checker.enabled()));
        // The refined variant runs again from its check phase; the fan-in then ranks again and rewrites the table.
        reopen(edit, v.k(), refiner.contextJson(edit), scheduler);
        end(job, RuntimeStatus.Completed, Outcome.SUCCESS, null);
        return StepResult.done();
    }

    /**
     * Brings the variant pull request's description up to the refined figures. Here, before the reply and the
     * reopening, the step is safe to replay (the round is fixed and the commit recorded), so a transient failure is
     * retried like any other adapter call of the step; when that is over, the refine goes on without it: the
     * description is cosmetic, the commit and the table are what count. Checks that run afterwards may still repair
     * the variant; their figures reach the table, not the description. Returns when to try again, if at all.
     */
    private Optional<Instant> describeRefined(JobRecord job, JobRecord edit, VariantRecord refined, int round) {
        if (refined.pullRequestId() == null) {
            return Optional.empty();
        }
        try {
            refiner.describe(edit, refined, round, job.intent());
            return Optional.empty();
        } catch (CallFailure e) {
            FailedAttempts failed = jobs.attemptFailed(job.id(), e.getMessage(), clock.instant());
            Optional<Instant> retryAt = runner.retryAt("follow-up", "Job " + job.id() + " description of variant "
                    + refined.k(), e, failed);
            if (retryAt.isEmpty()) {
                log.warn("Follow-up {} left the description of variant {} pull request {} as it was: {}", job.id(),
                        refined.k(), refined.pullRequestId(), e.getMessage());
            }
            return retryAt;
        }
    }

    // ---- /retry -------------------------------------------------------------------------------------

    private StepResult retry(JobRecord job, JobRecord edit, VariantRecord v, SchedulerClient scheduler) {
        boolean fresh = followUps.command(job.id()).fresh();
        if (!edit.status().isTerminal()) {
            return finish(job, replies.stillRunning(job), Outcome.FAILED, "the edit job is still running");
        }
        if (v.state() != VariantState.FAILED && v.state() != VariantState.CANCELLED) {
            return finish(job, replies.notFailed(job, v), Outcome.FAILED, "variant " + v.k() + " did not fail");
        }
        if (followUps.pick(edit.id()).picked() != null) {
            FollowUpStore.Pick recorded = followUps.pick(edit.id());
            return finish(job, replies.alreadyPicked(job, recorded.picked(), recorded.mergeCommit()),
                    Outcome.FAILED, "variant " + recorded.picked() + " was picked already");
        }
        Optional<byte[]> context = artifacts.get(ArtifactStore.jobPrefix(edit.id()) + "context.json");
        if (context.isEmpty()) {
            return finish(job, replies.cannotRetry(job, v.k()), Outcome.FAILED, "context no longer stored");
        }
        VariantPhase from = fresh ? VariantPhase.PENDING : resumeFrom(v);
        if (fresh && v.branch() != null) {
            // From scratch means from the base commit: the branch's earlier commits go with it.
            Optional<String> head = adapter.branch(edit.repository(), v.branch()).map(b -> b.commit());
            if (head.isPresent()) {
                adapter.deleteBranch(edit.repository(), v.branch(), head.get());
            }
        }
        // The reply first: once the job is reopened its variant runs and another replica may finish it.
        reply(job, replies.retrying(job, v.k(), fresh, from.label()));
        followUps.rerun(edit.id(), v.k(), from, clock.instant());
        audit.record(edit.id(), "retry", "variant " + v.k() + (fresh ? " from scratch" : " from " + from.dbValue()),
                clock.instant());
        reopen(edit, v.k(), new String(context.get(), StandardCharsets.UTF_8), scheduler);
        end(job, RuntimeStatus.Completed, Outcome.SUCCESS, null);
        return StepResult.done();
    }

    /**
     * Runs the finished edit job again for variant K alone, set to run again already: Running with its context, a new
     * deadline, and the variant's task scheduled; its fan-in then rewrites the progress reply and the summary.
     */
    private void reopen(JobRecord edit, int k, String contextJson, SchedulerClient scheduler) {
        Instant now = clock.instant();
        followUps.reopen(edit.id(), contextJson, now.plus(workflow.jobTimeout()), now);
        JobRecord reopened = jobs.find(edit.id()).orElseThrow();
        scheduler.scheduleIfNotExists(JobTasks.deadline(edit.id()), reopened.deadlineAt());
        JobTasks.scheduleOnce(scheduler, JobTasks.variant(edit.id(), k), now);
    }

    /**
     * Where a failed variant resumes: its recorded change is dropped when it ends, so one that failed committing or
     * later asks the model again only when nothing was committed yet.
     */
    private static VariantPhase resumeFrom(VariantRecord v) {
        return switch (v.step()) {
            case PENDING, BRANCH, PATCH -> v.step();
            case COMMIT -> VariantPhase.PATCH;
            case PULL_REQUEST, DONE -> v.commitSha() != null ? VariantPhase.PULL_REQUEST : VariantPhase.PATCH;
            // Its pull request is open: the checks of its latest commit run again.
            case CHECK, REPAIR -> VariantPhase.CHECK;
        };
    }

    // ---- endings ------------------------------------------------------------------------------------

    /** Replies in the thread (idempotently, by the follow-up's key) and ends the follow-up. */
    private StepResult finish(JobRecord job, String reply, Outcome outcome, String error) {
        reply(job, reply);
        end(job, RuntimeStatus.Completed, outcome, error);
        return StepResult.done();
    }

    private void reply(JobRecord job, String text) {
        adapter.reply(job.repository(), job.pullRequestId(), job.threadId(), new CommentRequest(text,
                job.replyParentId()), "job-" + job.id() + "-" + job.kind().name().toLowerCase(Locale.ROOT));
    }

    private void end(JobRecord job, RuntimeStatus status, Outcome outcome, String error) {
        if (jobs.finish(job.id(), status, outcome, error, clock.instant())) {
            audit.record(job.id(), "replied", job.kind() + ": " + (error == null ? outcome : error), clock.instant());
            metrics.jobFinished(status, outcome);
        }
    }

    /** An edit on a variant's pull request refines that variant; the variants it was given never start. */
    private void endOwnVariants(JobRecord job, String reason) {
        for (VariantRecord own : variants.variants(job.id())) {
            if (own.state() == VariantState.PENDING) {
                variants.ended(job.id(), own.k(), VariantState.CANCELLED, reason, null, clock.instant());
            }
        }
    }
}
