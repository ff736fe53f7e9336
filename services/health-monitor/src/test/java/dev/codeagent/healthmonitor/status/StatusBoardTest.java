package dev.codeagent.healthmonitor.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.healthmonitor.config.MonitorProperties;
import dev.codeagent.healthmonitor.config.TargetCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusBoardTest {

    final Instant start = Instant.parse("2026-11-29T04:00:00Z");
    final List<StatusChangedEvent> published = new ArrayList<>();

    StatusBoard board(int failureThreshold) {
        MonitorProperties properties = new MonitorProperties(Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofSeconds(3), failureThreshold, 5, Duration.ofMinutes(1), 10, Duration.ofSeconds(15),
                "core=http://core/ready|critical;extra=http://extra/ready|optional", List.of(), null,
                Duration.ofSeconds(5), null, "http://orchestrator", Duration.ofSeconds(5));
        return new StatusBoard(new TargetCatalog(properties), properties, e -> published.add((StatusChangedEvent) e),
                Clock.fixed(start.plusSeconds(30), ZoneOffset.UTC));
    }

    CheckResult up(int second) {
        return new CheckResult(start.plusSeconds(second), true, 12, 200, null);
    }

    CheckResult down(int second) {
        return new CheckResult(start.plusSeconds(second), false, 5, null, "Connection refused");
    }

    @Test
    void aggregatesCriticalAndOptionalTargets() {
        StatusBoard board = board(1);
        assertThat(board.overall()).isEqualTo(OverallStatus.UNHEALTHY);
        assertThat(board.health().services().get("core").error()).isEqualTo("Not checked yet");

        board.record("core", up(1));
        board.record("extra", up(1));
        assertThat(board.overall()).isEqualTo(OverallStatus.HEALTHY);

        board.record("extra", down(11));
        assertThat(board.overall()).isEqualTo(OverallStatus.DEGRADED);
        assertThat(board.overall().serving()).isTrue();

        board.record("core", down(11));
        assertThat(board.overall()).isEqualTo(OverallStatus.UNHEALTHY);
        ServiceHealth core = board.health().services().get("core");
        assertThat(core.status()).isEqualTo(ServiceStatus.DOWN);
        assertThat(core.since()).isEqualTo(start.plusSeconds(11));
        assertThat(core.error()).isEqualTo("Connection refused");

        assertThat(published).extracting(e -> e.change().service() + ":" + e.change().from() + "->" + e.change().to())
                .containsExactly("core:null->UP", "extra:null->UP", "extra:UP->DOWN", "core:UP->DOWN");
        assertThat(published.get(3).overall()).isEqualTo(OverallStatus.UNHEALTHY);
        assertThat(published.get(3).change().previousSince()).isEqualTo(start.plusSeconds(1));
    }

    @Test
    void failureThresholdIgnoresSingleBlips() {
        StatusBoard board = board(2);
        board.record("core", up(1));
        board.record("core", down(11));
        assertThat(board.health().services().get("core").status()).isEqualTo(ServiceStatus.UP);
        assertThat(board.health().services().get("core").error()).isEqualTo("Connection refused");
        board.record("core", up(13));
        board.record("core", down(23));
        board.record("core", down(25));
        assertThat(board.health().services().get("core").status()).isEqualTo(ServiceStatus.DOWN);
    }

    @Test
    void retriesFailedTargetsSooner() {
        StatusBoard board = board(1);
        assertThat(board.due(start)).hasSize(2);
        board.record("core", up(0));
        board.record("extra", down(0));
        assertThat(board.due(start.plusSeconds(2))).extracting(t -> t.name()).containsExactly("extra");
        assertThat(board.due(start.plusSeconds(10))).hasSize(2);
    }

    @Test
    void keepsBoundedHistoryAndComputesUptimeOverTheWindow() {
        StatusBoard board = board(1);
        board.record("core", up(0));
        board.record("core", down(10));
        board.record("core", up(20));
        board.record("core", up(22));
        board.record("core", up(24));
        board.record("core", up(26));    // history keeps 5: the first check falls out
        ServiceDetail core = board.services().services().get(0);
        assertThat(core.recent()).hasSize(5);
        assertThat(core.checksInWindow()).isEqualTo(5);
        assertThat(core.uptimePercent()).isEqualTo(80.0);
        assertThat(board.services().changes()).extracting(c -> c.to().name()).containsExactly("UP", "DOWN", "UP");
    }
}
