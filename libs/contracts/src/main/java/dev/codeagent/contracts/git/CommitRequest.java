package dev.codeagent.contracts.git;

import dev.codeagent.contracts.command.Author;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * Commit changes on a branch whose head must still be {@code expectedHead}; otherwise 409 conflict with
 * the current head in the problem ({@code currentCommit}).
 */
public record CommitRequest(
        @NotBlank String branch,
        @NotBlank String expectedHead,
        @NotBlank String message,
        Author author,
        @NotEmpty List<@Valid FileChange> changes) {
}
