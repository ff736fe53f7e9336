package dev.codeagent.adapter.local;

import dev.codeagent.contracts.command.Author;

/** What it takes to open a local pull request; {@code marker} (optional) must appear in a reused one. */
public record OpenPullRequest(String sourceBranch, String targetBranch, String title, String description,
        boolean draft, Author author, String marker) {
}
