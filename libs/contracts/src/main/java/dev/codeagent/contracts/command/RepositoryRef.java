package dev.codeagent.contracts.command;

import jakarta.validation.constraints.NotBlank;

/**
 * Coordinates of a repository on a git host. {@code provider} is {@code azure-devops} or {@code local};
 * {@code repository} is the name (or id) used in API paths; {@code repositoryId} is the host's stable id
 * when known.
 */
public record RepositoryRef(
        @NotBlank String provider,
        @NotBlank String organization,
        @NotBlank String project,
        @NotBlank String repository,
        String repositoryId) {

    public static final String AZURE_DEVOPS = "azure-devops";
    public static final String LOCAL = "local";

    /** {@code org/project/repository}, used in idempotency keys, listings and logs. */
    public String slug() {
        return organization + "/" + project + "/" + repository;
    }
}
