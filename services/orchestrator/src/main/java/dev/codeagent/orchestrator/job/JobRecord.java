package dev.codeagent.orchestrator.job;

import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import java.time.Instant;

/** A job row: the command it came from, where its workflow stands, and what the git host told us. */
public record JobRecord(
        String id,
        String idempotencyKey,
        CommandKind kind,
        RuntimeStatus status,
        Outcome outcome,
        JobPhase step,
        int attempts,
        RepositoryRef repository,
        long pullRequestId,
        long threadId,
        long commentId,
        Long parentCommentId,
        Author author,
        String intent,
        int variantsRequested,
        String rejectionReason,
        String corrId,
        String baseCommit,
        String sourceRef,
        String targetRef,
        String prTitle,
        Long progressThreadId,
        Long progressCommentId,
        CancelReason cancelReason,
        String error,
        Instant deadlineAt,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt) {

    /** Eight hex digits of the id, used in branch names ({@link JobIds#shortId}). */
    public String shortId() {
        return JobIds.shortId(id);
    }

    public boolean cancelRequested() {
        return cancelReason != null;
    }

    /** The comment the agent's replies answer: the command comment itself. */
    public long replyParentId() {
        return commentId;
    }
}
