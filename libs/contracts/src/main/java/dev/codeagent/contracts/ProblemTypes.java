package dev.codeagent.contracts;

import java.net.URI;

/**
 * RFC 9457 problem {@code type} URIs shared between services, so a caller can tell a conflict from a
 * permanent refusal from a passing outage without parsing text.
 */
public final class ProblemTypes {

    private static final String BASE = "https://codeagent.dev/problems/";

    /** Malformed or invalid request (400). */
    public static final URI VALIDATION = URI.create(BASE + "validation");
    /** Missing or wrong credentials (401). */
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    /** The git host or model refused for lack of permission; retrying will not help (403). */
    public static final URI PERMISSION = URI.create(BASE + "permission");
    /** Resource does not exist (404). */
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    /** State changed under the caller: ref moved, push rejected (409). */
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    /** A pull request cannot be completed because its changes conflict with the target branch (409). */
    public static final URI MERGE_CONFLICT = URI.create(BASE + "merge-conflict");
    /** A branch policy (required reviewers, build validation…) blocks completing a pull request (409). */
    public static final URI POLICY_BLOCKED = URI.create(BASE + "policy-blocked");
    /** Too many requests; see Retry-After (429). */
    public static final URI RATE_LIMITED = URI.create(BASE + "rate-limited");
    /** An upstream is unavailable for now; retrying later may succeed (502/503/504). */
    public static final URI UNAVAILABLE = URI.create(BASE + "unavailable");
    /** Request is well-formed but cannot be processed, e.g. an edit that does not apply (422). */
    public static final URI UNPROCESSABLE = URI.create(BASE + "unprocessable");
    /** Unexpected failure inside the service (500). */
    public static final URI INTERNAL = URI.create(BASE + "internal");

    private ProblemTypes() {
    }
}
