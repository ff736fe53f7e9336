package dev.codeagent.healthmonitor.history;

import dev.codeagent.healthmonitor.status.ServiceStatus;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/history}: every target's states over a window, oldest first.
 *
 * @param from start of the window
 * @param to   end of the window (now)
 */
public record HistoryReport(Instant from, Instant to, List<TargetHistory> targets) {

    /**
     * One target's timeline.
     *
     * @param uptimePercent share of the known time in the window the target was up; null when nothing is known
     * @param segments      consecutive states; time before the first recorded state is left out, not guessed
     * @param incidents     outages overlapping the window, the open one with a null end
     */
    public record TargetHistory(String name, boolean critical, Double uptimePercent, List<Segment> segments,
            List<Incident> incidents) {
    }

    /** A state that held from {@code from} until {@code to}. */
    public record Segment(ServiceStatus state, Instant from, Instant to) {
    }

    /**
     * An outage of a target.
     *
     * @param end        null while still down
     * @param durationMs length so far for an open incident
     * @param reason     why the first failed check failed
     */
    public record Incident(Instant start, Instant end, long durationMs, String reason) {
    }
}
