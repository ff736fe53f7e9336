package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CreateBranchRequest;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.VariantRecord;
import org.springframework.stereotype.Component;

/**
 * A variant's side effects on the git host — its branch, its commit, its draft pull request — each of which looks
 * at the git host before it acts, so that a phase replayed after a crash or a lost answer finds what the first
 * run did instead of doing it twice. The variant's branch name is deterministic and only this variant writes it.
 */
@Component
public class VariantPublisher {

    private final AdapterClient adapter;
    private final CommentRenderer renderer;

    public VariantPublisher(AdapterClient adapter, CommentRenderer renderer) {
        this.adapter = adapter;
        this.renderer = renderer;
    }

    /**
     * The adapter's create is idempotent and looks before it creates: a branch that already exists at the base
     * commit is returned as is, one that moved on (our commit landed before a crash) comes back as a conflict
     * that names its current head. Returns the branch's head.
     */
    public String ensureBranch(JobRecord job, VariantRecord v) {
        try {
            return adapter.createBranch(job.repository(), new CreateBranchRequest(v.branch(), job.baseCommit())).commit();
        } catch (CallFailure e) {
            if (e.isConflict() && e.currentCommit() != null) {
                return e.currentCommit();
            }
            throw e;
        }
    }

    /**
     * Commits on the variant branch, guarded by {@code expectedHead} = base commit: the adapter applies it only
     * while the branch still sits at the base, so a replay after a lost answer gets a 409 whose current head is
     * the commit that already landed (nobody else writes this branch) instead of a second commit.
     */
    public String ensureCommit(JobRecord job, VariantRecord v, PatchResponse patch) {
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

    /**
     * Commits a further change (a repair or a refine round) on the variant branch, guarded by {@code expectedHead} =
     * the variant's latest commit: a replay after a lost answer gets a 409 whose current head is the commit that
     * landed (nobody else writes this branch).
     */
    public String ensureNextCommit(JobRecord job, VariantRecord v, PatchResponse change, String message) {
        CommitRequest request = new CommitRequest(v.branch(), v.commitSha(), message, null, change.changes());
        try {
            return adapter.commit(job.repository(), request).commit();
        } catch (CallFailure e) {
            if (e.isConflict() && e.currentCommit() != null && !e.currentCommit().equals(v.commitSha())) {
                return e.currentCommit();
            }
            throw e;
        }
    }

    /** The variant's draft pull request, found by its marker when an earlier run already opened it. */
    public PullRequestRef ensurePullRequest(JobRecord job, VariantRecord v) {
        String marker = marker(job, v);
        return adapter.findOrCreatePullRequest(job.repository(), new CreatePullRequestRequest(
                "refs/heads/" + v.branch(), job.sourceRef(),
                renderer.pullRequestTitle(job, v.k(), v.offline(), v.strategy()),
                renderer.pullRequestDescription(job, v, marker), true, marker));
    }

    /**
     * Rewrites the variant pull request's description after refine round {@code round}. The text depends only on
     * what is recorded (the variant's figures after the round, the round's feedback), so a replay writes the same
     * description again, which changes nothing. The marker stays, so that the pull request is still found as ours.
     */
    public void describeRefined(JobRecord job, VariantRecord v, int round, String feedback) {
        adapter.updateDescription(job.repository(), v.pullRequestId(),
                renderer.refinedPullRequestDescription(job, v, round, feedback, marker(job, v)));
    }

    private static String marker(JobRecord job, VariantRecord v) {
        return AgentMarker.of("job", job.id(), "variant", String.valueOf(v.k()));
    }
}
