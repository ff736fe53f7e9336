package dev.codeagent.gateway.handoff;

import java.time.Duration;

/**
 * How the hand-off of one command ended. Callers act on it through a {@link Visitor}, so that a new kind
 * of result does not compile until every such place handles it.
 */
public sealed interface HandoffResult {

    /** Calls the visitor's method for this kind. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of result. */
    interface Visitor<R> {
        R created(Created result);

        R existing(Existing result);

        R unavailable(Unavailable result);

        R refused(Refused result);
    }

    /** The orchestrator started a new job (202). */
    record Created(String jobId) implements HandoffResult {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.created(this); }
    }

    /** The idempotency key already had a job (200, created false). */
    record Existing(String jobId) implements HandoffResult {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.existing(this); }
    }

    /** Unreachable, timing out or answering 5xx/429 until the deadline: the sender should retry later. */
    record Unavailable(String detail, Duration retryAfter) implements HandoffResult {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.unavailable(this); }
    }

    /** The orchestrator refused the command or answered nonsense; retrying the same request will not help. */
    record Refused(int status, String detail) implements HandoffResult {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.refused(this); }
    }
}
