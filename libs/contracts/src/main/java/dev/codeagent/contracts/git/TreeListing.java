package dev.codeagent.contracts.git;

import java.util.List;

/** All blobs of a tree at a commit. {@code truncated} is true when the listing hit the adapter's limit. */
public record TreeListing(String commit, List<TreeEntry> entries, boolean truncated) {
}
