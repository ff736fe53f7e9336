package dev.codeagent.adapter.local;

/** A local repository: its API name, folder, whether it is bare, and the head of its default branch. */
public record LocalRepositoryInfo(String name, String path, boolean bare, String defaultBranch, String commit) {
}
