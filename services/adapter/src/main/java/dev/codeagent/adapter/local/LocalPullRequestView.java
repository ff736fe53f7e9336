package dev.codeagent.adapter.local;

import dev.codeagent.contracts.command.Author;
import java.time.Instant;
import java.util.List;

/**
 * A local pull request as {@code GET /api/repos/local/{repo}/pull-requests} shows it: the stored record
 * plus the current heads of its branches (null when a branch no longer exists), its link and, once completed, the
 * commit its merge made.
 */
public record LocalPullRequestView(
        long id,
        String title,
        String description,
        String sourceRef,
        String targetRef,
        String sourceCommit,
        String targetCommit,
        String status,
        boolean draft,
        Author createdBy,
        Instant creationDate,
        String url,
        int threadCount,
        List<LocalStatus> statuses,
        String mergeCommit) {
}
