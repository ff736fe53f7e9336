package dev.codeagent.contracts.git;

import dev.codeagent.contracts.command.Author;

/**
 * A pull request as the adapter reports it. Refs are full ({@code refs/heads/feature}); commits are
 * the current heads.
 */
public record PullRequestInfo(
        long id,
        String title,
        String description,
        String sourceRef,
        String targetRef,
        String sourceCommit,
        String targetCommit,
        String status,
        boolean draft,
        Author author,
        String url) {
}
