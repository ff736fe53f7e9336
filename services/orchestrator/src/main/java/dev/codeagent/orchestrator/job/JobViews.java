package dev.codeagent.orchestrator.job;

import dev.codeagent.contracts.job.CheckRoundView;
import dev.codeagent.contracts.job.FollowUpView;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.job.PipelineRunView;
import dev.codeagent.contracts.job.VariantView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Rows as the status API shows them. */
public final class JobViews {

    private JobViews() {
    }

    public static JobView job(JobRecord job, List<VariantRecord> variants) {
        return job(job, variants, Map.of());
    }

    /** The job with its variants' rounds of checks (by k), their ranking and the recommended variant. */
    public static JobView job(JobRecord job, List<VariantRecord> variants, Map<Integer, List<CheckRound>> rounds) {
        return job(job, variants, rounds, List.of(), null);
    }

    /**
     * The job with its variants' rounds of checks and their Azure DevOps pipeline runs ({@code pipelineRuns}, the job's;
     * their elapsed time counted to {@code now} while they run).
     */
    static JobView job(JobRecord job, List<VariantRecord> variants, Map<Integer, List<CheckRound>> rounds,
            List<PipelineRunRecord> pipelineRuns, Instant now) {
        VariantRanking.Result ranking = VariantRanking.rank(variants, rounds);
        String author = job.author() == null ? null
                : job.author().uniqueName() != null ? job.author().uniqueName() : job.author().displayName();
        return new JobView(job.id(), "edit-variants", job.status(), job.outcome(), job.kind(), job.repository(),
                job.pullRequestId(), job.threadId(), job.commentId(), job.intent(), job.variantsRequested(), author,
                job.error(), job.createdAt(), job.updatedAt(), job.completedAt(),
                variants.stream().map(v -> variant(v, rounds.getOrDefault(v.k(), List.of()), ranking,
                        pipelineRuns.stream().filter(r -> r.k() == v.k()).map(r -> pipelineRun(r, now)).toList()))
                        .toList(),
                usage(variants), ranking.recommended(), ranking.reason(), List.of(), null, null, List.of(), null, null);
    }

    /**
     * The job with its variants' rounds of checks, its thread's follow-ups and what {@code /pick} did ({@code pick}),
     * or what it follows up.
     */
    public static JobView job(JobRecord job, List<VariantRecord> variants, Map<Integer, List<CheckRound>> rounds,
            List<PipelineRunRecord> pipelineRuns, Instant now, List<FollowUpView> followUps, FollowUpStore.Pick pick,
            FollowUpStore.Command command) {
        JobView base = job(job, variants, rounds, pipelineRuns, now);
        return new JobView(base.id(), base.name(), base.runtimeStatus(), base.outcome(), base.kind(), base.repository(),
                base.pullRequestId(), base.threadId(), base.commentId(), base.intent(), base.variantsRequested(),
                base.author(), base.error(), base.createdTime(), base.lastUpdatedTime(), base.completedTime(),
                base.variants(), base.usage(), base.recommendedVariant(), base.recommendation(), followUps,
                pick.picked(), pick.mergeCommit(), pick.abandoned(), command.parentJobId(), command.variant());
    }

    /** A variant on its own, with its rounds of checks; rank and recommendation need the other variants. */
    public static VariantView variant(VariantRecord v, List<CheckRound> rounds) {
        return variant(v, rounds, VariantRanking.rank(List.of(), Map.of()), List.of());
    }

    static VariantView variant(VariantRecord v, List<CheckRound> rounds, VariantRanking.Result ranking,
            List<PipelineRunView> pipelineRuns) {
        return new VariantView(v.k(), v.state(), v.step().dbValue(), v.strategy(),
                v.offline() && v.approach() != null ? v.approach() + " (offline model)" : v.approach(),
                v.branch(), v.commitSha(), v.pullRequestId(), v.pullRequestUrl(), v.filesChanged(), v.linesAdded(),
                v.linesRemoved(), v.provider(), v.offline() && v.model() != null ? v.model() + " (offline)" : v.model(),
                v.durationMs(), v.error(), v.startedAt(), v.finishedAt(), v.usage(),
                rounds.stream().map(JobViews::round).toList(), ranking.rankOf(v.k()), ranking.isRecommended(v.k()),
                pipelineRuns);
    }

    /** A pipeline run as the status API shows it; {@code now} ends the elapsed time of one still running. */
    public static PipelineRunView pipelineRun(PipelineRunRecord r, Instant now) {
        Instant end = r.finishedAt() != null ? r.finishedAt() : now;
        Long elapsed = end == null || r.queuedAt() == null ? null
                : Math.max(0, Duration.between(r.queuedAt(), end).toMillis());
        return new PipelineRunView(r.round(), r.displayName(), r.pipelineId(), r.runId(), r.runName(), r.webUrl(),
                r.state().dbValue(), r.runState(), r.result(), r.queuedAt(), r.finishedAt(), elapsed,
                r.cancel() == null ? null : r.cancel().dbValue(), r.cancelNote(), r.error());
    }

    public static CheckRoundView round(CheckRound r) {
        return new CheckRoundView(r.round(), r.commit(), r.source(), r.passed(), r.tests(), r.checks(),
                r.configError(), r.error(), r.repairError(), r.logKey() == null ? null : logPath(r), r.durationMs());
    }

    /** Where the status API serves a round's log. */
    public static String logPath(CheckRound r) {
        return "/api/orchestrators/" + r.jobId() + "/variants/" + r.k() + "/checks/" + r.round() + "/log";
    }

    /**
     * The job's totals over the variants that reported usage, null when none did. The cost is null as soon as one
     * variant's is unknown: the sum of the others would understate it.
     */
    public static ModelUsage usage(List<VariantRecord> variants) {
        return variants.stream().map(VariantRecord::usage).filter(Objects::nonNull).reduce(ModelUsage::plus)
                .orElse(null);
    }
}
