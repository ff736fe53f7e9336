package dev.codeagent.contracts.context;

import java.util.List;

/** Paths to fetch, best first, with the bytes they use and what was left out. */
public record ContextSelection(List<String> paths, long totalBytes, List<ExcludedPath> excluded) {
}
