package dev.codeagent.adapter.api;

import dev.codeagent.contracts.command.Author;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/repos/local/{repo}/pull-requests}: the source as {@code sourceBranch} or
 * {@code sourceRef}, the target as {@code targetBranch} or {@code targetRef} (short or full names).
 */
public record OpenLocalPullRequest(
        String sourceBranch,
        String sourceRef,
        String targetBranch,
        String targetRef,
        @NotBlank @Size(max = 400) String title,
        @Size(max = 100_000) String description,
        Boolean draft,
        Author author) {

    String source() {
        return sourceBranch != null && !sourceBranch.isBlank() ? sourceBranch : sourceRef;
    }

    String target() {
        return targetBranch != null && !targetBranch.isBlank() ? targetBranch : targetRef;
    }
}
