package dev.codeagent.gateway.ratelimit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on commands handed to the orchestrator, per gateway replica.
 *
 * @param perRepository commands per window and repository; 0 switches the limit off
 * @param perAuthor     commands per window and comment author; 0 switches the limit off
 * @param window        length of the counting window
 * @param maxKeys       repositories and authors each limit remembers at most; past it the oldest windows
 *                      are forgotten first
 */
@Validated
@ConfigurationProperties("codeagent.rate-limit")
public record RateLimitProperties(@Min(0) int perRepository, @Min(0) int perAuthor, @NotNull Duration window,
        @Min(1) int maxKeys) {

    public RateLimitProperties {
        if (window != null && (window.isNegative() || window.isZero())) {
            throw new IllegalStateException("CODEAGENT_RATE_LIMIT_WINDOW must be positive.");
        }
    }
}
