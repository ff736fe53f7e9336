package dev.codeagent.orchestrator.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Caps on running work, held across every replica on the shared database. An edit job runs (gathers context and
 * fans out its variants) only once it is admitted; until then it waits in a queue, first in, first out.
 *
 * @param maxRunningJobs              jobs admitted and not finished, at most, across all replicas
 * @param maxRunningJobsPerRepository the same, per repository
 * @param maxQueuedJobs               edit jobs accepted but not yet admitted, at most; a new command beyond it is
 *                                    refused with 503 and {@code Retry-After}
 */
@Validated
@ConfigurationProperties("codeagent.admission")
public record AdmissionProperties(
        @Min(1) @Max(10_000) int maxRunningJobs,
        @Min(1) @Max(10_000) int maxRunningJobsPerRepository,
        @Min(1) @Max(1_000_000) int maxQueuedJobs) {
}
