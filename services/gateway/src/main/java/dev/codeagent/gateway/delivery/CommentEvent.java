package dev.codeagent.gateway.delivery;

import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.RepositoryRef;
import java.time.Instant;

/**
 * A pull-request comment as the gateway needs it, whatever the endpoint that delivered it.
 *
 * @param eventType        the delivery's event type, for metrics
 * @param edited           the comment's content changed after it was first published
 * @param deliveryId       the delivery's own id (Azure DevOps {@code id}), used as correlation id
 * @param createdAt        when the sender created the delivery (Azure DevOps {@code createdDate}, which a
 *                         redelivery keeps); null for comment events, which carry none
 */
public record CommentEvent(
        String eventType,
        RepositoryRef repository,
        long pullRequestId,
        long threadId,
        long commentId,
        Long parentCommentId,
        Author author,
        String content,
        boolean edited,
        boolean deleted,
        boolean systemComment,
        String sourceRef,
        String targetRef,
        String sourceCommit,
        String deliveryId,
        Instant commentUpdatedAt,
        Instant createdAt) {
}
