package dev.codeagent.orchestrator.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the edit-variants workflow behaves.
 *
 * @param publicUrl            base of the status URLs handed out (blank: derived from the request)
 * @param dashboardUrl         base of the job pages linked from PR statuses and comments
 * @param branchPrefix         every branch the agent writes lives under this prefix
 * @param maxVariants          upper bound of N accepted from a command
 * @param variantParallelism   variants of one job that run at the same time
 * @param variantTimeout       a variant that has not finished after this long fails
 * @param jobTimeout           a job that has not finished after this long is stopped
 * @param contextBudgetBytes   budget passed to context selection (0: llm-patch's default)
 * @param contentsBatchSize    paths per batch read of file contents
 * @param maxAttempts          attempts of one step before a transient failure becomes final
 * @param initialBackoff       first retry delay; doubles per attempt, with jitter
 * @param maxBackoff           cap of the retry delay
 * @param progressInterval     the progress reply is rewritten at most this often per job
 */
@Validated
@ConfigurationProperties("codeagent.workflow")
public record WorkflowProperties(
        String publicUrl,
        @NotBlank String dashboardUrl,
        @NotBlank @Pattern(regexp = "([A-Za-z0-9._-]+/)+", message = "must be path segments ending with '/'")
        String branchPrefix,
        @Min(1) @Max(100) int maxVariants,
        @Min(1) @Max(100) int variantParallelism,
        @NotNull Duration variantTimeout,
        @NotNull Duration jobTimeout,
        @Min(0) long contextBudgetBytes,
        @Min(1) @Max(500) int contentsBatchSize,
        @Min(1) @Max(100) int maxAttempts,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration progressInterval) {
}
