package dev.codeagent.contracts.command;

/**
 * One command of a {@link StartJobBatchRequest}.
 *
 * @param correlationId the command's own correlation id (its delivery's), which the job keeps and logs;
 *                      the orchestrator generates one when absent
 * @param command       the command, validated as the single start API validates it
 */
public record StartJobBatchItem(String correlationId, StartJobRequest command) {
}
