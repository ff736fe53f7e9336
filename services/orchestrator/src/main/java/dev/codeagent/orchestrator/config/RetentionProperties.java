package dev.codeagent.orchestrator.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Purge of finished jobs: rows and artifacts of jobs completed more than {@code retention} ago are deleted
 * every {@code purgeInterval}, at most {@code batchSize} jobs per run.
 */
@Validated
@ConfigurationProperties("codeagent.retention")
public record RetentionProperties(
        @NotNull Duration retention,
        @NotNull Duration purgeInterval,
        @Min(1) @Max(10_000) int batchSize) {
}
