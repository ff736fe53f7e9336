package dev.codeagent.contracts.git;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Create a branch at a commit. Idempotent: a branch already at that commit is fine (200, created=false);
 * one at another commit is a 409 conflict whose problem carries {@code currentCommit}.
 */
public record CreateBranchRequest(@NotBlank String name, @NotBlank @Pattern(regexp = "[0-9a-f]{40}") String commit) {
}
