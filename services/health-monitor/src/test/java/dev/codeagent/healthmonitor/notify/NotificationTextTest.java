package dev.codeagent.healthmonitor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.healthmonitor.status.OverallStatus;
import dev.codeagent.healthmonitor.status.ServiceStatus;
import dev.codeagent.healthmonitor.status.StatusChange;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTextTest {

    final Instant t0 = Instant.parse("2026-11-29T04:00:00Z");
    final NotificationText text = new NotificationText("https://agent.example/");

    @Test
    void describesAnOutage() {
        StatusChange change = new StatusChange("orchestrator", true, ServiceStatus.UP, ServiceStatus.DOWN,
                t0.plusSeconds(90), "Connection refused", t0);
        assertThat(text.describe(change, OverallStatus.UNHEALTHY)).isEqualTo(
                "🔴 Code Agent: orchestrator (critical) is DOWN: Connection refused. System is UNHEALTHY."
                        + " Dashboard: https://agent.example/");
    }

    @Test
    void describesARecoveryWithTheOutageLength() {
        StatusChange change = new StatusChange("ollama", false, ServiceStatus.DOWN, ServiceStatus.UP,
                t0.plusSeconds(130), null, t0);
        assertThat(text.describe(change, OverallStatus.HEALTHY)).isEqualTo(
                "🟢 Code Agent: ollama (optional) is UP again after 2 min 10 s down. System is HEALTHY."
                        + " Dashboard: https://agent.example/");
    }
}
