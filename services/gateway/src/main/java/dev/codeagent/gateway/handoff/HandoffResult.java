package dev.codeagent.gateway.handoff;

import java.time.Duration;

/** How the hand-off of one command ended. */
public sealed interface HandoffResult {

    /** The orchestrator started a new job (202). */
    record Created(String jobId, String statusUrl) implements HandoffResult {
    }

    /** The idempotency key already had a job (200, created false). */
    record Existing(String jobId, String statusUrl) implements HandoffResult {
    }

    /** Unreachable, timing out or answering 5xx/429 until the deadline: the sender should retry later. */
    record Unavailable(String detail, Duration retryAfter) implements HandoffResult {
    }

    /** The orchestrator refused the command or answered nonsense; retrying the same request will not help. */
    record Refused(int status, String detail) implements HandoffResult {
    }
}
