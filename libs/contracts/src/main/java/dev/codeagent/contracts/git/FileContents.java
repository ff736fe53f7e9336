package dev.codeagent.contracts.git;

import java.util.List;

/** Answer to a batch read: what was found, and the paths that do not exist at that commit. */
public record FileContents(String commit, List<FileContent> files, List<String> missing) {
}
