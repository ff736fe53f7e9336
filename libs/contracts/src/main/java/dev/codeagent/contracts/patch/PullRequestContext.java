package dev.codeagent.contracts.patch;

/** What the model is told about the pull request the command was written on. */
public record PullRequestContext(long id, String title, String description, String sourceBranch,
        String targetBranch) {
}
