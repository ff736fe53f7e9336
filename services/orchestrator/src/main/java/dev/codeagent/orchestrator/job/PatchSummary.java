package dev.codeagent.orchestrator.job;

import dev.codeagent.contracts.job.ModelUsage;

/**
 * What a generated variant is, as recorded before its edits are committed; {@code usage} totals the model calls
 * that wrote it (null when llm-patch reported none).
 */
public record PatchSummary(String strategy, String approach, int filesChanged, int linesAdded, int linesRemoved,
        String provider, String model, boolean offline, ModelUsage usage) {
}
