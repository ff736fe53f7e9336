package dev.codeagent.contracts.job;

import java.time.Instant;

/** One variant of a job as the status API shows it; {@code usage} is null until the variant has its change. */
public record VariantView(
        int k,
        VariantState state,
        String step,
        String strategy,
        String approach,
        String branch,
        String commit,
        Long pullRequestId,
        String pullRequestUrl,
        Integer filesChanged,
        Integer linesAdded,
        Integer linesRemoved,
        String provider,
        String model,
        Long durationMs,
        String error,
        Instant startedAt,
        Instant finishedAt,
        ModelUsage usage) {
}
