package dev.codeagent.healthmonitor.status;

import java.time.Instant;

/**
 * Outcome of one check.
 *
 * @param httpStatus status the target answered, null when it did not answer
 * @param error      why the check failed, null when it passed
 */
public record CheckResult(Instant at, boolean up, long latencyMs, Integer httpStatus, String error) {
}
