package dev.codeagent.contracts.job;

import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import java.time.Instant;
import java.util.List;

/**
 * A job as {@code GET /api/orchestrators/{id}} shows it; {@code usage} totals the usage of its variants.
 * {@code recommendedVariant} is the k of the variant the comparison recommends (null while none succeeded) and
 * {@code recommendation} the one-line reason.
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
        String recommendation) {

    /** A job without a recommendation. */
    public JobView(String id, String name, RuntimeStatus runtimeStatus, Outcome outcome, CommandKind kind,
            RepositoryRef repository, long pullRequestId, long threadId, long commentId, String intent,
            int variantsRequested, String author, String error, Instant createdTime, Instant lastUpdatedTime,
            Instant completedTime, List<VariantView> variants, ModelUsage usage) {
        this(id, name, runtimeStatus, outcome, kind, repository, pullRequestId, threadId, commentId, intent,
                variantsRequested, author, error, createdTime, lastUpdatedTime, completedTime, variants, usage, null,
                null);
    }
}
