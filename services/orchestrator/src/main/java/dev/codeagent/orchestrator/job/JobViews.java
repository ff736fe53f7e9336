package dev.codeagent.orchestrator.job;

import dev.codeagent.contracts.job.FollowUpView;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.job.VariantView;
import java.util.List;
import java.util.Objects;

/** Rows as the status API shows them. */
public final class JobViews {

    private JobViews() {
    }

    public static JobView job(JobRecord job, List<VariantRecord> variants) {
        String author = job.author() == null ? null
                : job.author().uniqueName() != null ? job.author().uniqueName() : job.author().displayName();
        return new JobView(job.id(), "edit-variants", job.status(), job.outcome(), job.kind(), job.repository(),
                job.pullRequestId(), job.threadId(), job.commentId(), job.intent(), job.variantsRequested(), author,
                job.error(), job.createdAt(), job.updatedAt(), job.completedAt(),
                variants.stream().map(JobViews::variant).toList(), usage(variants));
    }

    /** The job with its thread's follow-ups and what {@code /pick} did ({@code pick}), or what it follows up. */
    public static JobView job(JobRecord job, List<VariantRecord> variants, List<FollowUpView> followUps,
            FollowUpStore.Pick pick, FollowUpStore.Command command) {
        JobView base = job(job, variants);
        return new JobView(base.id(), base.name(), base.runtimeStatus(), base.outcome(), base.kind(), base.repository(),
                base.pullRequestId(), base.threadId(), base.commentId(), base.intent(), base.variantsRequested(),
                base.author(), base.error(), base.createdTime(), base.lastUpdatedTime(), base.completedTime(),
                base.variants(), base.usage(), followUps, pick.picked(), pick.mergeCommit(), pick.abandoned(),
                command.parentJobId(), command.variant());
    }

    public static VariantView variant(VariantRecord v) {
        return new VariantView(v.k(), v.state(), v.step().dbValue(), v.strategy(),
                v.offline() && v.approach() != null ? v.approach() + " (offline model)" : v.approach(),
                v.branch(), v.commitSha(), v.pullRequestId(), v.pullRequestUrl(), v.filesChanged(), v.linesAdded(),
                v.linesRemoved(), v.provider(), v.offline() && v.model() != null ? v.model() + " (offline)" : v.model(),
                v.durationMs(), v.error(), v.startedAt(), v.finishedAt(), v.usage());
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
