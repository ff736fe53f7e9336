package dev.codeagent.adapter.api;

import dev.codeagent.adapter.local.LocalPullRequestView;
import dev.codeagent.adapter.local.LocalThread;
import java.util.List;

/** A local pull request with its threads, as its link shows it. */
public record LocalPullRequestDetails(LocalPullRequestView pullRequest, List<LocalThread> threads) {
}
