package dev.codeagent.contracts.patch;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A patch request that continues an existing variant rather than starting one: the request's files are the
 * variant's current files (at its latest commit) and the model is asked to change them again.
 *
 * @param kind         {@code repair} after a failed check, {@code refine} after a user's {@code /refine K}
 * @param round        1-based repair or refine round of the variant
 * @param feedback     untrusted text for the model: the failing command with its first errors and failing tests
 *                     (repair), or the user's feedback (refine); already trimmed to the caller's budget
 * @param previousDiff the variant's diff against the pull request's source so far (unified diff), so the model
 *                     keeps what it did; optional
 */
public record FollowUp(
        @NotNull Kind kind,
        @Min(1) int round,
        @NotNull @Size(max = 40_000) String feedback,
        @Size(max = 200_000) String previousDiff) {

    public enum Kind {
        @JsonProperty("repair") REPAIR,
        @JsonProperty("refine") REFINE
    }
}
