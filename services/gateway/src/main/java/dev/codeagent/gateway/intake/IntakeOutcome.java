package dev.codeagent.gateway.intake;

import java.time.Duration;

/** What the gateway decided about a comment; the web layer turns it into an HTTP answer. */
public sealed interface IntakeOutcome {

    /** Nothing to do; {@code jobId} is set when an existing job explains why. */
    record Ignored(String reason, String jobId, String statusUrl) implements IntakeOutcome {
        public Ignored(String reason) {
            this(reason, null, null);
        }
    }

    /** A new job was started (202). */
    record Accepted(String jobId, String statusUrl) implements IntakeOutcome {
    }

    /** The command already has a job: a repeated delivery (200). */
    record Duplicate(String jobId, String statusUrl) implements IntakeOutcome {
    }

    /** Too many commands from one repository or author (429). */
    record RateLimited(String scope, Duration retryAfter) implements IntakeOutcome {
    }

    /** The orchestrator cannot take the command now (503, the sender retries). */
    record Unavailable(String detail, Duration retryAfter) implements IntakeOutcome {
    }

    /** The orchestrator refused or mis-answered the command (502). */
    record Refused(String detail) implements IntakeOutcome {
    }

    /** Short name for metrics. */
    default String metricTag() {
        if (this instanceof Ignored) {
            return "ignored";
        }
        if (this instanceof Accepted) {
            return "accepted";
        }
        if (this instanceof Duplicate) {
            return "duplicate";
        }
        if (this instanceof RateLimited) {
            return "rate-limited";
        }
        if (this instanceof Unavailable) {
            return "unavailable";
        }
        return "refused";
    }
}
