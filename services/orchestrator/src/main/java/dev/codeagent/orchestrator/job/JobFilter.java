package dev.codeagent.orchestrator.job;

import dev.codeagent.contracts.job.RuntimeStatus;
import java.util.Set;

/**
 * Listing filter. {@code repository} matches a repository name, {@code project/repository} or
 * {@code organization/project/repository}; null or empty matches everything.
 */
public record JobFilter(Set<RuntimeStatus> statuses, String repository) {
}
