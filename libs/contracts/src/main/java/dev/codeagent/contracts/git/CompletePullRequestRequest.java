package dev.codeagent.contracts.git;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Complete (merge) a pull request: {@code POST .../pull-requests/{prId}/complete}. A draft is published first.
 * Idempotent: a pull request already completed answers its merge commit again ({@code completedNow = false}).
 * A conflict answers 409 {@code merge-conflict}, a blocking policy 409 {@code policy-blocked}, a source branch that
 * moved past {@code lastMergeSourceCommit} 409 {@code conflict}; in each case nothing was changed.
 *
 * @param lastMergeSourceCommit the source commit the caller reviewed; the merge is refused when the source moved
 * @param mergeStrategy         squash (default of {@code /pick}), noFastForward or rebase
 * @param mergeCommitMessage    message of the merge or squash commit
 * @param deleteSourceBranch    delete the pull request's source branch after the merge
 */
public record CompletePullRequestRequest(
        @NotNull @Pattern(regexp = "[0-9a-f]{40}") String lastMergeSourceCommit,
        @NotNull MergeStrategy mergeStrategy,
        @Size(max = 4000) String mergeCommitMessage,
        boolean deleteSourceBranch) {
}
