package dev.codeagent.orchestrator.client;

import dev.codeagent.contracts.ProblemTypes;
import java.time.Duration;

/**
 * A call to another service that did not succeed. {@code transientFailure} failures (timeouts, refused
 * connections, 408/425/429/5xx) may succeed later; the others (400/401/403/404/422...) will not.
 * {@code detail} is what the callee said, fit to be shown to the user.
 */
public class CallFailure extends RuntimeException {

    private final int status;
    private final boolean transientFailure;
    private final Duration retryAfter;
    private final String currentCommit;
    private final String problemType;
    private final String policy;

    public CallFailure(String message, int status, boolean transientFailure, Duration retryAfter,
            String currentCommit, Throwable cause) {
        this(message, status, transientFailure, retryAfter, currentCommit, null, null, cause);
    }

    /**
     * @param problemType the callee's RFC 9457 {@code type}, or null
     * @param policy      for {@code policy-blocked}: the policy the git host named, or null
     */
    public CallFailure(String message, int status, boolean transientFailure, Duration retryAfter,
            String currentCommit, String problemType, String policy, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
        this.currentCommit = currentCommit;
        this.problemType = problemType;
        this.policy = policy;
    }

    /** Completing a pull request would conflict (409 {@code merge-conflict}). */
    public boolean isMergeConflict() {
        return ProblemTypes.MERGE_CONFLICT.toString().equals(problemType);
    }

    /** A branch policy blocks completing a pull request (409 {@code policy-blocked}). */
    public boolean isPolicyBlocked() {
        return ProblemTypes.POLICY_BLOCKED.toString().equals(problemType);
    }

    /** The blocking policy's name, when the git host said which. */
    public String policy() {
        return policy;
    }

    /** HTTP status, or 0 when no answer arrived (timeout, connection refused). */
    public int status() {
        return status;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The callee's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** For 409 conflicts on branches and commits: the head the adapter reported. */
    public String currentCommit() {
        return currentCommit;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isConflict() {
        return status == 409;
    }
}
