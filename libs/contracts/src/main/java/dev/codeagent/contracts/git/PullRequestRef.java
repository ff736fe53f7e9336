package dev.codeagent.contracts.git;

/** A pull request the adapter found or created. */
public record PullRequestRef(long id, String url, boolean created) {
}
