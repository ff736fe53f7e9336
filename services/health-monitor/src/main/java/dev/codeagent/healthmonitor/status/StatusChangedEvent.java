package dev.codeagent.healthmonitor.status;

/**
 * Published (synchronously, on the poller thread) after the board recorded a change; listeners hand slow
 * work to their own threads.
 */
public record StatusChangedEvent(StatusChange change, ServiceDetail service, OverallStatus overall) {
}
