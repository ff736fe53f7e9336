package dev.codeagent.healthmonitor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.codeagent.healthmonitor.HealthMonitorApplication;
import dev.codeagent.healthmonitor.support.FakeHttpServer;
import dev.codeagent.healthmonitor.support.SignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history survives a restart of the monitor: the monitor records an outage, is closed, and a new monitor on
 * the same H2 file (the default storage, under the data directory) shows the timeline and the open incident,
 * then closes the incident when the target recovers.
 */
class HistoryRestartIT {

    final FakeHttpServer core = FakeHttpServer.healthy();
    final Path dataDir = Path.of("target", "it-data", "history-restart", UUID.randomUUID().toString())
            .toAbsolutePath();
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    ConfigurableApplicationContext monitor;

    @AfterEach
    void stop() {
        if (monitor != null) {
            monitor.close();
        }
        core.close();
    }

    @Test
    void historyAndOpenIncidentSurviveARestartOfTheMonitor() throws Exception {
        monitor = start();
        awaitHistory(core -> core.path("segments").size() == 1
                && core.path("segments").get(0).path("state").asString().equals("UP"));
        core.stop();
        awaitHistory(core -> core.path("incidents").size() == 1);
        monitor.close();

        monitor = start();
        JsonNode restarted = awaitHistory(core -> core.path("segments").size() == 2);
        assertThat(restarted.path("segments").get(0).path("state").asString()).isEqualTo("UP");
        assertThat(restarted.path("segments").get(1).path("state").asString()).isEqualTo("DOWN");
        assertThat(restarted.path("incidents")).hasSize(1);
        JsonNode incident = restarted.path("incidents").get(0);
        assertThat(incident.path("end").isNull()).as("still open after the restart").isTrue();
        assertThat(incident.path("reason").asString()).contains("Connection refused");
        double uptime = restarted.path("uptimePercent").asDouble();
        assertThat(uptime).isGreaterThan(0.0).isLessThan(100.0);

        core.start();
        JsonNode recovered = awaitHistory(core -> !core.path("incidents").get(0).path("end").isNull());
        assertThat(recovered.path("incidents")).hasSize(1);
        assertThat(recovered.path("incidents").get(0).path("durationMs").asLong()).isPositive();
        assertThat(recovered.path("segments").get(2).path("state").asString()).isEqualTo("UP");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HealthMonitorApplication.class).run(
                "--server.port=0",
                "--CODEAGENT_DATA_DIR=" + dataDir,
                "--codeagent.platform.internal-token=history-restart-it-token-0123456789",
                "--codeagent.dashboard.users=" + SignIn.ADMIN_LINE,
                "--codeagent.monitor.interval=300ms",
                "--codeagent.monitor.retry-interval=200ms",
                "--codeagent.monitor.timeout=1s",
                "--codeagent.monitor.targets=core=" + core.url("/health") + "|critical");
    }

    private JsonNode awaitHistory(Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = history().path("targets").get(0);
            return condition.test(last[0]);
        });
        return last[0];
    }

    private JsonNode history() throws Exception {
        String port = monitor.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/history?hours=24"))
                .header("Authorization", SignIn.ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
