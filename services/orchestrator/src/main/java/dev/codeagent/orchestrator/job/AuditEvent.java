package dev.codeagent.orchestrator.job;

import java.time.Instant;

/** One entry of a job's audit trail. */
public record AuditEvent(Instant at, String event, String detail) {
}
