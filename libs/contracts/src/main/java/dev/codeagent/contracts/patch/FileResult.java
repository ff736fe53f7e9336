package dev.codeagent.contracts.patch;

/**
 * Result for one path: {@code status} is applied, created, deleted or failed; {@code strategy} names the
 * matching that succeeded (exact, whitespace, elided, whole-file, ...); {@code reason} says why it failed.
 */
public record FileResult(String path, String status, String strategy, String reason) {

    public static final String APPLIED = "applied";
    public static final String CREATED = "created";
    public static final String DELETED = "deleted";
    public static final String FAILED = "failed";
}
