package dev.codeagent.healthmonitor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.codeagent.healthmonitor.config.MonitorProperties;
import dev.codeagent.healthmonitor.config.TargetCatalog;
import dev.codeagent.healthmonitor.status.CheckResult;
import dev.codeagent.healthmonitor.status.StatusBoard;
import dev.codeagent.healthmonitor.status.StatusChangedEvent;
import dev.codeagent.healthmonitor.support.FakeHttpServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Which changes reach the chat channel, posted to a real HTTP server on loopback. */
class WebhookNotifierTest {

    final FakeHttpServer webhook = new FakeHttpServer(r -> new FakeHttpServer.Reply(200, "text/plain", "ok"));
    final Instant t0 = Instant.parse("2026-11-29T04:00:00Z");
    WebhookNotifier notifier;
    StatusBoard board;

    void setUp() {
        MonitorProperties properties = new MonitorProperties(Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofSeconds(3), 1, 10, Duration.ofHours(1), 10, Duration.ofSeconds(15),
                "starting=http://a/ready;steady=http://b/ready;broken=http://c/ready|optional", List.of(),
                webhook.url("/hook"), Duration.ofSeconds(5), "https://agent.example/", "http://o",
                Duration.ofSeconds(5));
        board = new StatusBoard(new TargetCatalog(properties), properties,
                e -> notifier.onStatusChanged((StatusChangedEvent) e), Clock.systemUTC());
        notifier = new WebhookNotifier(properties, board, JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        webhook.close();
    }

    @Test
    void startupIsQuietOutagesAndRecoveriesAreReported() {
        setUp();
        board.record("starting", down(0));   // still starting: not news
        board.record("steady", up(0));
        board.record("broken", down(0));
        board.record("starting", up(2));     // recovery of an unannounced start-up failure: not news
        board.record("steady", down(10));
        board.record("steady", up(12));
        notifier.reportDownSinceStart();      // startup grace over: "broken" never came up

        await().atMost(Duration.ofSeconds(15)).until(() -> webhook.received().size() == 3);
        List<String> texts = webhook.received().stream()
                .map(r -> JsonMapper.builder().build().readTree(r.body()).path("text").asString())
                .sorted()
                .toList();
        assertThat(texts).hasSize(3);
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("🔴 Code Agent: steady (critical) is DOWN"));
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("🟢 Code Agent: steady (critical) is UP again"));
        assertThat(texts).anySatisfy(t -> assertThat(t)
                .startsWith("🔴 Code Agent: broken (optional) is DOWN since the monitor started: Connection refused"));
        assertThat(texts).noneMatch(t -> t.contains("starting"));

        notifier.reportDownSinceStart();      // announced once only
        board.record("broken", up(20));
        await().atMost(Duration.ofSeconds(15)).until(() -> webhook.received().size() == 4);
        assertThat(webhook.received().get(3).body()).contains("broken (optional) is UP again");
    }

    CheckResult up(int second) {
        return new CheckResult(t0.plusSeconds(second), true, 5, 200, null);
    }

    CheckResult down(int second) {
        return new CheckResult(t0.plusSeconds(second), false, 5, null, "Connection refused");
    }
}
