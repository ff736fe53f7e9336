package dev.codeagent.orchestrator.job;

import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.job.VariantState;
import java.time.Instant;
import java.util.List;

/**
 * A variant row: which step it reached and what each finished step produced; {@code usage} is the model usage
 * reported with its change and its repairs (null before that, or when llm-patch reported none); {@code checkRound}
 * is the round of checks it is at, which is also the number of commits after its first (repairs and {@code /refine}
 * rounds); {@code refineCheckRounds} are the rounds that began with a refine commit, in order.
 */
public record VariantRecord(
        String jobId,
        int k,
        VariantState state,
        VariantPhase step,
        int attempts,
        String branch,
        String headCommit,
        String strategy,
        String approach,
        String commitSha,
        Long pullRequestId,
        String pullRequestUrl,
        Integer filesChanged,
        Integer linesAdded,
        Integer linesRemoved,
        String provider,
        String model,
        boolean offline,
        Long durationMs,
        String error,
        Instant startedAt,
        Instant finishedAt,
        ModelUsage usage,
        int checkRound,
        List<Integer> refineCheckRounds) {

    public VariantRecord {
        refineCheckRounds = refineCheckRounds == null ? List.of() : List.copyOf(refineCheckRounds);
    }

    /** Repairs committed, over all its refine rounds. */
    public int repairs() {
        return checkRound - refineCheckRounds.size();
    }

    /** The round its repair budget counts from: 0, or the round that checks its latest refine commit. */
    public int repairsFrom() {
        return refineCheckRounds.isEmpty() ? 0 : refineCheckRounds.get(refineCheckRounds.size() - 1);
    }
}
