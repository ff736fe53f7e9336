package dev.codeagent.adapter.local;

import dev.codeagent.contracts.command.Author;
import java.time.Instant;

/** A comment in a local thread; {@code parentCommentId} 0 marks the thread's first comment. */
public record LocalComment(long id, long parentCommentId, Author author, String content, Instant publishedAt,
        Instant lastUpdatedAt) {

    LocalComment withContent(String newContent, Instant at) {
        return new LocalComment(id, parentCommentId, author, newContent, publishedAt, at);
    }
}
