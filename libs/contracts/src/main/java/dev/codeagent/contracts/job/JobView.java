package dev.codeagent.contracts.job;

import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import java.time.Instant;
import java.util.List;

/**
 * A job as {@code GET /api/orchestrators/{id}} shows it; {@code usage} totals the usage of its variants.
 * {@code recommendedVariant} is the k of the variant the comparison recommends (null while none succeeded) and
 * {@code recommendation} the one-line reason.
 * An edit job lists the follow-up commands of its thread ({@code followUps}) and, once one was picked, the variant
 * ({@code picked}), the commit its merge made ({@code mergeCommit}) and the variants abandoned ({@code abandoned}).
 * A follow-up job names its edit job ({@code parentJobId}) and the variant it is about ({@code variant}).
 */
public record JobView(
        String id,
        String name,
        RuntimeStatus runtimeStatus,
        Outcome outcome,
        CommandKind kind,
        RepositoryRef repository,
        long pullRequestId,
        long threadId,
        long commentId,
        String intent,
        int variantsRequested,
        String author,
        String error,
        Instant createdTime,
        Instant lastUpdatedTime,
        Instant completedTime,
        List<VariantView> variants,
        ModelUsage usage,
        Integer recommendedVariant,
        String recommendation,
        List<FollowUpView> followUps,
        Integer picked,
        String mergeCommit,
        List<Integer> abandoned,
        String parentJobId,
        Integer variant) {

    /** A job without a recommendation and without follow-ups. */
    public JobView(String id, String name, RuntimeStatus runtimeStatus, Outcome outcome, CommandKind kind,
            RepositoryRef repository, long pullRequestId, long threadId, long commentId, String intent,
            int variantsRequested, String author, String error, Instant createdTime, Instant lastUpdatedTime,
            Instant completedTime, List<VariantView> variants, ModelUsage usage) {
        this(id, name, runtimeStatus, outcome, kind, repository, pullRequestId, threadId, commentId, intent,
                variantsRequested, author, error, createdTime, lastUpdatedTime, completedTime, variants, usage, null,
                null, List.of(), null, null, List.of(), null, null);
    }
}
