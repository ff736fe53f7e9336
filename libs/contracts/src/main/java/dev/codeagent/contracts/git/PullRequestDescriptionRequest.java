package dev.codeagent.contracts.git;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The new description (markdown) of a pull request, replacing the old one. At most 4000 characters, the limit of
 * Azure DevOps, so that a description accepted here is accepted by every host.
 */
public record PullRequestDescriptionRequest(@NotNull @Size(max = MAX) String description) {

    public static final int MAX = 4000;
}
