package dev.codeagent.contracts.git;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a completed pull request is merged; the JSON values are Azure DevOps' {@code GitPullRequestMergeStrategy}. */
public enum MergeStrategy {
    /** One new commit with the pull request's whole change on the target branch. */
    @JsonProperty("squash") SQUASH,
    /** A merge commit, never a fast-forward. */
    @JsonProperty("noFastForward") NO_FAST_FORWARD,
    /** The source commits rebased onto the target, fast-forward. */
    @JsonProperty("rebase") REBASE
}
