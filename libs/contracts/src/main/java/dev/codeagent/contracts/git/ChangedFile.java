package dev.codeagent.contracts.git;

/** A file the pull request changes; {@code originalPath} is set for renames. */
public record ChangedFile(String path, ChangeType changeType, String originalPath) {
}
