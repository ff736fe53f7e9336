package dev.codeagent.healthmonitor.notify;

import dev.codeagent.healthmonitor.recovery.ContainerRestart;
import dev.codeagent.healthmonitor.status.OverallStatus;
import dev.codeagent.healthmonitor.status.ServiceStatus;
import dev.codeagent.healthmonitor.status.StatusChange;
import java.time.Duration;

/** The one-line message a chat channel shows for a change. */
final class NotificationText {

    private final String dashboardUrl;

    NotificationText(String dashboardUrl) {
        this.dashboardUrl = dashboardUrl == null || dashboardUrl.isBlank() ? null : dashboardUrl.strip();
    }

    String describe(StatusChange change, OverallStatus overall) {
        StringBuilder text = new StringBuilder();
        String kind = change.critical() ? "critical" : "optional";
        if (change.to() == ServiceStatus.DOWN) {
            text.append("🔴 Code Agent: ").append(change.service()).append(" (").append(kind).append(") is DOWN");
            if (change.initial()) {
                text.append(" since the monitor started");
            }
            if (change.error() != null) {
                text.append(": ").append(change.error());
            }
        } else {
            text.append("🟢 Code Agent: ").append(change.service()).append(" (").append(kind).append(") is UP again");
            if (change.previousSince() != null && !change.initial()) {
                text.append(" after ").append(human(Duration.between(change.previousSince(), change.at())))
                        .append(" down");
            }
        }
        text.append(". System is ").append(overall).append('.');
        if (dashboardUrl != null) {
            text.append(" Dashboard: ").append(dashboardUrl);
        }
        return text.toString();
    }

    String describe(ContainerRestart restart) {
        StringBuilder text = new StringBuilder();
        if (restart.succeeded()) {
            text.append("🔁 Code Agent: restarted ").append(restart.service()).append(" (")
                    .append(String.join(", ", restart.containers())).append(") after ").append(restart.failedChecks())
                    .append(" failed checks in a row");
        } else {
            text.append("⚠️ Code Agent: could not restart ").append(restart.service()).append(" after ")
                    .append(restart.failedChecks()).append(" failed checks in a row: ").append(restart.error());
        }
        text.append(". Next restart not before ").append(restart.nextAllowedAt()).append('.');
        if (dashboardUrl != null) {
            text.append(" Dashboard: ").append(dashboardUrl);
        }
        return text.toString();
    }

    static String human(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }
}
