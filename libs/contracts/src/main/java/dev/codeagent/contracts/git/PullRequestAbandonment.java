package dev.codeagent.contracts.git;

/**
 * An abandoned pull request ({@code POST .../pull-requests/{prId}/abandon}; idempotent).
 *
 * @param pullRequestId the pull request
 * @param abandonedNow  false when it was already abandoned (or completed, which is left as it is)
 * @param status        the pull request's status after the call: {@code abandoned} or {@code completed}
 */
public record PullRequestAbandonment(long pullRequestId, boolean abandonedNow, String status) {
}
