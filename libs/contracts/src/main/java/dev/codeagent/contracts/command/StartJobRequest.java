package dev.codeagent.contracts.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A parsed command handed by the gateway to the orchestrator
 * ({@code POST /api/orchestrators/edit-variants}).
 *
 * @param idempotencyKey    identity of the command: org/project/repository/PR/thread/comment
 * @param kind              edit, a follow-up (pick, refine, retry, cancel, status), help or rejected
 * @param intent            what to change (edit), the feedback (refine)
 * @param variants          N, number of alternative implementations (edit only)
 * @param rejectionReason   why a rejected command was refused, shown to the user
 * @param sourceRef         PR source ref as delivered (may be refreshed from the host)
 * @param targetRef         PR target ref as delivered
 * @param sourceCommit      last merge source commit as delivered
 * @param deliveryId        id of the webhook delivery that carried the command, for tracing
 * @param commentUpdatedAt  when the comment content last changed
 * @param variant           K, the variant a follow-up names (pick, refine, retry); null otherwise
 * @param fresh             retry from scratch rather than from the failed step ({@code /retry K --fresh})
 */
public record StartJobRequest(
        @NotBlank @Size(max = 512) String idempotencyKey,
        @NotNull @Valid RepositoryRef repository,
        @Positive long pullRequestId,
        @Positive long threadId,
        @Positive long commentId,
        Long parentCommentId,
        Author author,
        @NotNull CommandKind kind,
        @Size(max = 8000) String intent,
        @Min(0) @Max(100) int variants,
        @Size(max = 2000) String rejectionReason,
        String sourceRef,
        String targetRef,
        String sourceCommit,
        String deliveryId,
        Instant commentUpdatedAt,
        @Min(1) @Max(100) Integer variant,
        boolean fresh) {

    /** A command that names no variant (edit, help, cancel, status, rejected). */
    public StartJobRequest(String idempotencyKey, RepositoryRef repository, long pullRequestId, long threadId,
            long commentId, Long parentCommentId, Author author, CommandKind kind, String intent, int variants,
            String rejectionReason, String sourceRef, String targetRef, String sourceCommit, String deliveryId,
            Instant commentUpdatedAt) {
        this(idempotencyKey, repository, pullRequestId, threadId, commentId, parentCommentId, author, kind, intent,
                variants, rejectionReason, sourceRef, targetRef, sourceCommit, deliveryId, commentUpdatedAt, null,
                false);
    }

    /** The canonical idempotency key of a command. */
    public static String keyOf(RepositoryRef repo, long pullRequestId, long threadId, long commentId) {
        return repo.provider() + ":" + repo.slug() + "/pr/" + pullRequestId + "/thread/" + threadId
                + "/comment/" + commentId;
    }
}
