package dev.codeagent.adapter.api;

import dev.codeagent.contracts.command.Author;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/repos/local/{repo}/pull-requests/{id}/threads}: a comment written by a person
 * (the {@code author}, default the local user), e.g. the demo's {@code /edit} command.
 */
public record PostLocalComment(@NotBlank @Size(max = 150_000) String content, Author author) {
}
