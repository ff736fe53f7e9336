package dev.codeagent.orchestrator.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the services the orchestrator calls live, and how long a call may take. Model calls are slow
 * (a local model may need minutes), git host calls are not, and a check run answers only when the variant's build
 * and tests have ended. An empty {@code runnerUrl} means there is no runner: variants are not checked.
 */
@Validated
@ConfigurationProperties("codeagent.services")
public record ServiceEndpoints(
        @NotBlank String adapterUrl,
        @NotBlank String llmPatchUrl,
        @NotNull Duration adapterTimeout,
        @NotNull Duration modelTimeout,
        String runnerUrl,
        @NotNull Duration runnerTimeout) {
}
