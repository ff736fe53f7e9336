package dev.codeagent.orchestrator.job;

import dev.codeagent.contracts.command.StartJobRequest;
import java.time.Instant;

/** What is inserted when a command is accepted. */
public record NewJob(String id, StartJobRequest request, String corrId, Instant createdAt, Instant deadlineAt) {
}
