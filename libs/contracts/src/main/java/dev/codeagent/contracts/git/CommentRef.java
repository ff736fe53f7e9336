package dev.codeagent.contracts.git;

/** Where a comment lives, so that it can be updated in place later. */
public record CommentRef(long threadId, long commentId) {
}
