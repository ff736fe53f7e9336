package dev.codeagent.orchestrator.workflow;

import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.config.RetryProperties;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * When to try a step again after a transient failure: exponential backoff with "equal jitter" (half the
 * delay fixed, half random) so that replicas retrying the same outage spread out, or the callee's
 * Retry-After when it gave one. A step gets at least {@code CODEAGENT_STEP_MAX_ATTEMPTS} attempts, and keeps trying
 * until {@code CODEAGENT_RETRY_DEADLINE} after its first failure in a row: a dependency being restarted is down for
 * minutes, and a count of attempts alone gave up on it after half a minute.
 */
@Component
public class RetryPolicy {

    private final WorkflowProperties properties;
    private final RetryProperties retry;

    public RetryPolicy(WorkflowProperties properties, RetryProperties retry) {
        this.properties = properties;
        this.retry = retry;
    }

    /**
     * True when a step that has failed {@code attempts} times in a row, the first time at {@code failingSince}, may be
     * tried again at {@code now}.
     */
    public boolean mayRetry(int attempts, Instant failingSince, Instant now) {
        return attempts < properties.maxAttempts() || failingSince != null && now.isBefore(retryUntil(failingSince));
    }

    /** Until when a step that first failed at {@code failingSince} is retried, whatever its attempts. */
    public Instant retryUntil(Instant failingSince) {
        return failingSince.plus(retry.deadline());
    }

    public int maxAttempts() {
        return properties.maxAttempts();
    }

    /** The time of the next attempt after failure number {@code attempts} (1-based). */
    public Instant nextAttempt(int attempts, CallFailure failure, Instant now) {
        Duration retryAfter = failure == null ? null : failure.retryAfter();
        if (retryAfter != null) {
            return now.plus(retryAfter.compareTo(properties.maxBackoff()) <= 0 ? retryAfter : properties.maxBackoff());
        }
        return now.plus(backoff(attempts));
    }

    Duration backoff(int attempts) {
        long initial = Math.max(1, properties.initialBackoff().toMillis());
        long max = Math.max(initial, properties.maxBackoff().toMillis());
        int exponent = Math.min(Math.max(attempts - 1, 0), 30);
        long delay = Math.min(max, initial << Math.min(exponent, 20));
        long half = delay / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
