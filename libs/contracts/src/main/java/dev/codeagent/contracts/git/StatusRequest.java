package dev.codeagent.contracts.git;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Set a status on a pull request. The context is {@code genre/name}; the agent uses
 * {@code codeagent/edit}.
 */
public record StatusRequest(@NotNull StatusState state, @NotBlank String genre, @NotBlank String name,
        String description, String targetUrl) {

    public static final String GENRE = "codeagent";
    public static final String NAME = "edit";
}
