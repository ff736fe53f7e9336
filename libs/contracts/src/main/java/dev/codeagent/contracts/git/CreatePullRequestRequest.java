package dev.codeagent.contracts.git;

import jakarta.validation.constraints.NotBlank;

/**
 * Find-or-create a pull request from {@code sourceBranch} to {@code targetBranch}. An active pull request
 * for the same pair whose description contains {@code marker} is returned instead of creating another.
 */
public record CreatePullRequestRequest(
        @NotBlank String sourceBranch,
        @NotBlank String targetBranch,
        @NotBlank String title,
        String description,
        boolean draft,
        @NotBlank String marker) {
}
