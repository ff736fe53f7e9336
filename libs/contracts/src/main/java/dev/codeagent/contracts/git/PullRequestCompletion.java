package dev.codeagent.contracts.git;

/**
 * A completed pull request.
 *
 * @param pullRequestId the pull request
 * @param mergeCommit   the commit the merge created on the target branch
 * @param completedNow  false when it was already completed before this call (a retried or repeated pick)
 */
public record PullRequestCompletion(long pullRequestId, String mergeCommit, boolean completedNow) {
}
