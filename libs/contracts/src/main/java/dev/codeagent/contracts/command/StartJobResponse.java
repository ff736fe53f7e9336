package dev.codeagent.contracts.command;

/**
 * Answer to a start request, in the style of Durable Functions' HTTP API. The orchestrator answers 202
 * for a new job and 200 when the idempotency key already had one ({@code created} false).
 */
public record StartJobResponse(String id, String statusQueryGetUri, String terminatePostUri, boolean created) {
}
