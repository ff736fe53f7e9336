package dev.codeagent.orchestrator.fake;

import dev.codeagent.contracts.git.CreatePullRequestRequest;

/** A pull request created in the fake git host. */
public record FakePullRequest(long id, String url, CreatePullRequestRequest request) {
}
