package dev.codeagent.gateway.handoff;

import dev.codeagent.contracts.command.StartJobBatchRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The hand-off of commands to the orchestrator.
 *
 * @param orchestratorUrl base URL of the orchestrator
 * @param timeout         read timeout of one attempt
 * @param maxTotal        the whole hand-off, retries included, never takes longer than this; Azure DevOps
 *                        wants an answer within a few seconds
 * @param retryAfter      {@code Retry-After} sent with 503 when the orchestrator stays unreachable
 * @param maxInFlight     calls to the orchestrator in flight at once; commands arriving while that many
 *                        are under way wait and go together in the next call
 * @param batchSize       most commands in one call
 */
@Validated
@ConfigurationProperties("codeagent.handoff")
public record HandoffProperties(
        @NotNull URI orchestratorUrl,
        @NotNull Duration timeout,
        @NotNull Duration maxTotal,
        @NotNull Duration retryAfter,
        @Min(1) @Max(256) int maxInFlight,
        @Min(1) @Max(StartJobBatchRequest.MAX_ITEMS) int batchSize) {
}
