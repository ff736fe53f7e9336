package dev.codeagent.contracts.git;

/** The commit created on {@code branch}, and its parent. */
public record CommitResult(String branch, String commit, String parent) {
}
