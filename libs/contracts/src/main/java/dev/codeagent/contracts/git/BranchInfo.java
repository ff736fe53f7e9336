package dev.codeagent.contracts.git;

/**
 * A branch and its head. {@code name} is short ({@code agents/edit-57-ab12cd-1}); {@code created} tells
 * whether the call created it (false when it existed already at the requested commit).
 */
public record BranchInfo(String name, String commit, boolean created) {
}
