package dev.codeagent.healthmonitor.status;

import java.time.Instant;
import java.util.List;

/** Body of {@code GET /api/services}; also the first event on {@code /api/events}. */
public record ServicesReport(OverallStatus status, Instant generatedAt, long intervalMs, long uptimeWindowMs,
        List<ServiceDetail> services, List<StatusChange> changes) {
}
