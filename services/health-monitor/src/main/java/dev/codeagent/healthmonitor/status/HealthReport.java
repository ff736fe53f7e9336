package dev.codeagent.healthmonitor.status;

import java.util.Map;

/** Body of {@code GET /health}: the aggregate and every service, in configuration order. */
public record HealthReport(OverallStatus status, Map<String, ServiceHealth> services) {
}
