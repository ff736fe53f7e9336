package dev.codeagent.contracts.job;

import java.time.Instant;
import java.util.List;

/**
 * One variant of a job as the status API shows it; {@code usage} is null until the variant has its change.
 * {@code checks} are its rounds of checks in order (empty before the first), {@code rank} its place in the ranking
 * of the job's succeeded variants (1 = best; null for a variant that did not succeed), and {@code recommended} is
 * true for the one variant the comparison recommends (null from an orchestrator that predates checks, so that a
 * reader of both versions need not fail on the missing field). {@code pipelineRuns} are the Azure DevOps pipeline runs
 * of its rounds in the order they were queued: which run a variant that is being checked waits for, and how each
 * ended (empty without pipelines, and in answers of an orchestrator that predates the field: null there).
 */
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
        ModelUsage usage,
        List<CheckRoundView> checks,
        Integer rank,
        Boolean recommended,
        List<PipelineRunView> pipelineRuns) {

    /** A variant without pipeline runs (before they were shown, and in tests of other concerns). */
    public VariantView(int k, VariantState state, String step, String strategy, String approach, String branch,
            String commit, Long pullRequestId, String pullRequestUrl, Integer filesChanged, Integer linesAdded,
            Integer linesRemoved, String provider, String model, Long durationMs, String error, Instant startedAt,
            Instant finishedAt, ModelUsage usage, List<CheckRoundView> checks, Integer rank, Boolean recommended) {
        this(k, state, step, strategy, approach, branch, commit, pullRequestId, pullRequestUrl, filesChanged,
                linesAdded, linesRemoved, provider, model, durationMs, error, startedAt, finishedAt, usage, checks,
                rank, recommended, List.of());
    }

    /** A variant without checks or rank (before checks existed, and in tests of other concerns). */
    public VariantView(int k, VariantState state, String step, String strategy, String approach, String branch,
            String commit, Long pullRequestId, String pullRequestUrl, Integer filesChanged, Integer linesAdded,
            Integer linesRemoved, String provider, String model, Long durationMs, String error, Instant startedAt,
            Instant finishedAt, ModelUsage usage) {
        this(k, state, step, strategy, approach, branch, commit, pullRequestId, pullRequestUrl, filesChanged,
                linesAdded, linesRemoved, provider, model, durationMs, error, startedAt, finishedAt, usage, List.of(),
                null, false);
    }
}
