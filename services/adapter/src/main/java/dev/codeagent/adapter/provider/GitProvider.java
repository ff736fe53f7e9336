package dev.codeagent.adapter.provider;

import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.git.BranchInfo;
import dev.codeagent.contracts.git.ChangedFiles;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CommitResult;
import dev.codeagent.contracts.git.CompletePullRequestRequest;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.CreateBranchRequest;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.FileContents;
import dev.codeagent.contracts.git.PullRequestAbandonment;
import dev.codeagent.contracts.git.PullRequestCompletion;
import dev.codeagent.contracts.git.PullRequestInfo;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.TreeListing;
import java.util.List;
import java.util.Optional;

/**
 * A git host. Implementations report failures as {@link dev.codeagent.platform.web.ApiProblemException}
 * built by {@link GitProblems}, so every provider fails the same way for the orchestrator.
 *
 * <p>Create operations are idempotent: creating what already exists in the requested state returns it.
 * Comment creation is idempotent when the caller passes an idempotency key (see {@link IdempotencyKeys}).
 */
public interface GitProvider {

    /** {@code azure-devops} or {@code local}, as used in API paths. */
    String name();

    /** Whether this adapter has what the provider needs (credentials, a root folder) to serve requests. */
    boolean configured();

    /** Configuration and readiness, for diagnostics; never calls the remote host. */
    ProviderStatus status();

    PullRequestInfo pullRequest(RepositoryCoordinates repo, long pullRequestId);

    ChangedFiles changedFiles(RepositoryCoordinates repo, long pullRequestId);

    TreeListing tree(RepositoryCoordinates repo, String commit);

    FileContents contents(RepositoryCoordinates repo, ContentsRequest request);

    /**
     * The tree at {@code commit} as a zip with unix file modes (executable scripts stay executable), for the runner.
     * Larger than {@code maxBytes} is a {@link GitProblems#tooLarge} problem.
     */
    TreeArchive archive(RepositoryCoordinates repo, String commit, long maxBytes);

    Optional<BranchInfo> branch(RepositoryCoordinates repo, String name);

    BranchInfo createBranch(RepositoryCoordinates repo, CreateBranchRequest request);

    CommitResult commit(RepositoryCoordinates repo, CommitRequest request);

    PullRequestRef findOrCreatePullRequest(RepositoryCoordinates repo, CreatePullRequestRequest request);

    /** Opens a new thread whose first comment is {@code request.content()}. */
    CommentRef createThread(RepositoryCoordinates repo, long pullRequestId, CommentRequest request,
            String idempotencyKey);

    /** Adds a comment to a thread; {@code parentCommentId} (default 1, the thread's first) is its parent. */
    CommentRef reply(RepositoryCoordinates repo, long pullRequestId, long threadId, CommentRequest request,
            String idempotencyKey);

    CommentRef updateComment(RepositoryCoordinates repo, long pullRequestId, long threadId, long commentId,
            CommentRequest request);

    void setStatus(RepositoryCoordinates repo, long pullRequestId, StatusRequest request);

    /** Replaces the pull request's description; the same description again changes nothing. */
    void updateDescription(RepositoryCoordinates repo, long pullRequestId, String description);

    /**
     * Merges the pull request into its target (a draft is published first). Already completed: its merge commit,
     * {@code completedNow = false}. A conflict, a blocking policy or a source that moved past the reviewed commit
     * is a 409 problem ({@code merge-conflict}, {@code policy-blocked}, {@code conflict}) and changes nothing.
     */
    PullRequestCompletion completePullRequest(RepositoryCoordinates repo, long pullRequestId,
            CompletePullRequestRequest request);

    /** Abandons the pull request; one already abandoned or completed is left as it is. */
    PullRequestAbandonment abandonPullRequest(RepositoryCoordinates repo, long pullRequestId);

    /**
     * Deletes the branch if it still points at {@code expectedCommit}; a branch already gone is fine, one that moved
     * past the commit is a 409 {@code conflict} (someone else's work is on it).
     */
    void deleteBranch(RepositoryCoordinates repo, String name, String expectedCommit);

    /**
     * Who may trigger the agent on this host when {@code CODEAGENT_TRIGGER_POLICY} is unset: anyone, unless the
     * host has groups that can say who may.
     */
    default TriggerPolicy defaultTriggerPolicy() {
        return TriggerPolicy.ANY;
    }

    /**
     * Groups whose members may always trigger the agent on {@code repo} under the {@code members} policy, named as
     * the host names them; a host without groups has none (then only named users may).
     */
    default List<String> defaultTriggerGroups(RepositoryCoordinates repo) {
        return List.of();
    }

    /**
     * The first of {@code groups} that {@code author} is a member of, directly or through nested groups, as the host
     * answers it; empty when none (or the host has no groups). A host that cannot answer now throws the problem
     * that says why (rate-limited, unavailable, permission), never a denial.
     */
    default Optional<String> groupOf(RepositoryCoordinates repo, Author author, List<String> groups) {
        return Optional.empty();
    }
}
