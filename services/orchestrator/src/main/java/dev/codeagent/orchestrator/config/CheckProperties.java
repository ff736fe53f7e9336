package dev.codeagent.orchestrator.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Checks and repairs of variants.
 *
 * @param repairFeedbackChars the most characters of check output (failing command, first errors, failing tests) a
 *                            repair request sends the model; the rest is cut, so one noisy build cannot fill the
 *                            model's context
 */
@Validated
@ConfigurationProperties("codeagent.checks")
public record CheckProperties(@Min(500) @Max(40_000) int repairFeedbackChars) {
}
