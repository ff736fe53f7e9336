package dev.codeagent.contracts.git;

/** One blob in a repository tree; paths are relative, without a leading slash. */
public record TreeEntry(String path, long size) {
}
