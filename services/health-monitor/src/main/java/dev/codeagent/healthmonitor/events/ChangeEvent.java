package dev.codeagent.healthmonitor.events;

import dev.codeagent.healthmonitor.status.OverallStatus;
import dev.codeagent.healthmonitor.status.ServiceDetail;
import dev.codeagent.healthmonitor.status.StatusChange;

/** Data of a {@code change} event on {@code /api/events}. */
public record ChangeEvent(OverallStatus status, StatusChange change, ServiceDetail service) {
}
