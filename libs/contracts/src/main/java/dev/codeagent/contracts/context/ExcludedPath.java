package dev.codeagent.contracts.context;

/** A path left out of the context and why (binary, generated, vendored, oversized, over budget). */
public record ExcludedPath(String path, String reason) {
}
