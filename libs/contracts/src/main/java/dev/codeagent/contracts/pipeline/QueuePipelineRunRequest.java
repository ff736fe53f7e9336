package dev.codeagent.contracts.pipeline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Queue a run of a pipeline on a branch at a commit.
 *
 * @param branch the branch name without {@code refs/heads/} ({@code agents/edit-7-ab12cd34-1})
 * @param commit the full commit id the run must build (the branch's head when it was checked)
 */
public record QueuePipelineRunRequest(
        @NotBlank @Size(max = 250) String branch,
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{40}") String commit) {
}
