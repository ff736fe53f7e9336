package dev.codeagent.healthmonitor.status;

import java.time.Instant;
import java.util.List;

/**
 * One service in {@code GET /api/services} and in change events.
 *
 * @param checked       false until the first check finished
 * @param uptimePercent share of passed checks within the uptime window, null before any check
 * @param recent        latest checks, oldest first, for the dashboard's sparkline
 */
public record ServiceDetail(String name, String url, boolean critical, String expectedStatus,
        ServiceStatus status, boolean checked, Instant since, Long latencyMs, Integer httpStatus, String error,
        Instant lastChecked, Double uptimePercent, int checksInWindow, List<HistoryPoint> recent) {

    /** One past check. */
    public record HistoryPoint(Instant at, boolean up, long latencyMs) {
    }
}
