package dev.codeagent.adapter.local;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The local provider: repositories (bare or not) in folders under {@code root}; pull requests, threads
 * and statuses as JSON files under {@code root/.codeagent-reviews}.
 */
@Validated
@ConfigurationProperties("codeagent.local")
public record LocalProperties(boolean enabled, @NotBlank String root) {
}
