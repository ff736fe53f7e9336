package dev.codeagent.contracts.check;

import dev.codeagent.contracts.command.RepositoryRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Run the checks of one variant commit.
 *
 * @param runId      chosen by the caller, stable across retries of the same run ({@code <jobId>-<k>-<round>}); names
 *                   the sandbox, the container and the log, and is what {@code DELETE /api/checks/runs/{runId}} cancels
 * @param jobId      for tracing
 * @param k          variant number
 * @param round      0 for the variant's first check, r for the check after repair round r
 * @param repository the repository the commit belongs to (the runner fetches the tree through the adapter)
 * @param commit     the full commit id to check
 */
public record CheckRunRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._-]+") String runId,
        @Size(max = 100) String jobId,
        @Min(1) int k,
        @Min(0) int round,
        @NotNull @Valid RepositoryRef repository,
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{40}") String commit) {
}
