package dev.codeagent.contracts.job;

import java.util.List;

/** One page of a job listing, newest first; {@code continuationToken} is null on the last page. */
public record JobPage(List<JobView> items, String continuationToken) {
}
