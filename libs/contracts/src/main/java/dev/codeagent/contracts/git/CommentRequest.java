package dev.codeagent.contracts.git;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Text of a comment (markdown). {@code parentCommentId} makes a reply in a thread. */
public record CommentRequest(@NotBlank @Size(max = 150_000) String content, Long parentCommentId) {
}
