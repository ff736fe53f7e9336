package dev.codeagent.orchestrator.job;

import java.time.Instant;

/**
 * The failures in a row of a job's or variant's current step.
 *
 * @param attempts how many attempts failed since the step last moved on
 * @param since    when the first of them failed
 */
public record FailedAttempts(int attempts, Instant since) {
}
