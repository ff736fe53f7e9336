package dev.codeagent.orchestrator.workflow;

import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * When to try a step again after a transient failure: exponential backoff with "equal jitter" (half the
 * delay fixed, half random) so that replicas retrying the same outage spread out, or the callee's
 * Retry-After when it gave one.
 */
@Component
public class RetryPolicy {

    private final WorkflowProperties properties;

    public RetryPolicy(WorkflowProperties properties) {
        this.properties = properties;
    }

    /** True when a step that has failed {@code attempts} times may be tried again. */
    public boolean mayRetry(int attempts) {
        return attempts < properties.maxAttempts();
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
