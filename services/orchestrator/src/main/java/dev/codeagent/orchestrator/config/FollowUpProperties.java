package dev.codeagent.orchestrator.config;

import dev.codeagent.contracts.git.MergeStrategy;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How follow-up commands act.
 *
 * @param pickMergeStrategy how {@code /pick K} merges variant K's pull request into the source branch
 *                          ({@code CODEAGENT_PICK_MERGE_STRATEGY}: squash, noFastForward or rebase)
 */
@Validated
@ConfigurationProperties("codeagent.follow-up")
public record FollowUpProperties(@NotNull MergeStrategy pickMergeStrategy) {
}
