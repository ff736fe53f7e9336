package dev.codeagent.healthmonitor.status;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** One service in {@code GET /health}. */
@JsonPropertyOrder({"status", "critical", "latencyMs", "error", "since"})
public record ServiceHealth(ServiceStatus status, boolean critical, Long latencyMs, String error, Instant since) {
}
