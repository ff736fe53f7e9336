package dev.codeagent.gateway.intake;

import java.time.Duration;

/**
 * What the gateway decided about a comment; the web layer turns it into an HTTP answer through a
 * {@link Visitor}, so that a new kind of outcome does not compile until every such place answers it.
 */
public sealed interface IntakeOutcome {

    /** Calls the visitor's method for this kind. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of outcome. */
    interface Visitor<R> {
        R ignored(Ignored outcome);

        R accepted(Accepted outcome);

        R duplicate(Duplicate outcome);

        R rateLimited(RateLimited outcome);

        R unavailable(Unavailable outcome);

        R refused(Refused outcome);

        R forbidden(Forbidden outcome);
    }

    /** Nothing to do; {@code jobId} is set when an existing job explains why. */
    record Ignored(String reason, String jobId) implements IntakeOutcome {
        public Ignored(String reason) {
            this(reason, null);
        }

        @Override public <R> R accept(Visitor<R> visitor) { return visitor.ignored(this); }
    }

    /** A new job was started (202). */
    record Accepted(String jobId) implements IntakeOutcome {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.accepted(this); }
    }

    /** The command already has a job: a repeated delivery (200). */
    record Duplicate(String jobId) implements IntakeOutcome {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.duplicate(this); }
    }

    /** Too many commands from one repository or author (429). */
    record RateLimited(String scope, Duration retryAfter) implements IntakeOutcome {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.rateLimited(this); }
    }

    /** The orchestrator cannot take the command now (503, the sender retries). */
    record Unavailable(String detail, Duration retryAfter) implements IntakeOutcome {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.unavailable(this); }
    }

    /** The orchestrator refused or mis-answered the command (502). */
    record Refused(String detail) implements IntakeOutcome {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.refused(this); }
    }

    /** The comment is outside the organization, projects or repositories this gateway serves (403). */
    record Forbidden(String detail) implements IntakeOutcome {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.forbidden(this); }
    }
}
