package dev.codeagent.orchestrator.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a step keeps retrying a dependency that is down.
 *
 * @param deadline a step whose calls fail transiently is retried until this long after its first failure in a row,
 *                 even beyond {@code CODEAGENT_STEP_MAX_ATTEMPTS} (a restart of a service takes minutes, not a
 *                 number of attempts); the variant's and the job's timeouts still bound it
 */
@Validated
@ConfigurationProperties("codeagent.retry")
public record RetryProperties(@NotNull Duration deadline) {

    public RetryProperties {
        if (deadline != null && deadline.isNegative()) {
            throw new IllegalStateException("CODEAGENT_RETRY_DEADLINE must not be negative, got " + deadline);
        }
    }
}
