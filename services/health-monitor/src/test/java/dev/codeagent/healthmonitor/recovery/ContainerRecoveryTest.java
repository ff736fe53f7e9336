package dev.codeagent.healthmonitor.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.codeagent.healthmonitor.config.MonitorProperties;
import dev.codeagent.healthmonitor.status.CheckResult;
import dev.codeagent.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The monitor's recovery end to end without a container engine: checks in, restart and event out. */
class ContainerRecoveryTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    final List<String> restarted = new CopyOnWriteArrayList<>();
    final List<Object> events = new CopyOnWriteArrayList<>();
    ContainerRecovery recovery;

    ContainerRecovery recovery(boolean enabled, ContainerRuntime runtime) {
        MonitorProperties monitor = new MonitorProperties(Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofSeconds(3), 1, 10, Duration.ofHours(1), 10, Duration.ofSeconds(15), "a=http://a/ready",
                List.of(), null, Duration.ofSeconds(5), null, "http://o", Duration.ofSeconds(5));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("runtime", runtime);
        recovery = new ContainerRecovery(new RecoveryProperties(enabled, 3, Duration.ofMinutes(5),
                Duration.ofHours(1), null, Duration.ofSeconds(10)), monitor, beans.getBeanProvider(ContainerRuntime.class),
                events::add, clock);
        recovery.start();
        return recovery;
    }

    @AfterEach
    void stop() {
        recovery.stop();
    }

    void check(String target, boolean up) {
        clock.advance(Duration.ofSeconds(2));
        recovery.checked(target, new CheckResult(clock.instant(), up, 5, up ? 200 : null, up ? null : "timed out"));
    }

    @Test
    void aTargetDownForThreeChecksHasItsContainersRestartedAndTheRestartIsPublished() {
        recovery(true, service -> {
            restarted.add(service);
            return List.of("codeagent-" + service + "-1");
        });
        check("adapter", true);
        check("adapter", false);
        check("adapter", false);
        check("adapter", false);

        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        assertThat(restarted).containsExactly("adapter");
        ContainerRestart restart = (ContainerRestart) events.get(0);
        assertThat(restart.succeeded()).isTrue();
        assertThat(restart.containers()).containsExactly("codeagent-adapter-1");
        assertThat(restart.failedChecks()).isEqualTo(3);
        assertThat(recovery.recent()).containsExactly(restart);
    }

    @Test
    void aFailingContainerApiIsReportedAsAFailedRestart() {
        recovery(true, service -> {
            throw new IllegalStateException("connection refused");
        });
        check("gateway", true);
        check("gateway", false);
        check("gateway", false);
        check("gateway", false);

        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        ContainerRestart restart = (ContainerRestart) events.get(0);
        assertThat(restart.succeeded()).isFalse();
        assertThat(restart.error()).contains("connection refused");
    }

    @Test
    void disabledItNeverTouchesTheContainerApi() {
        recovery(false, service -> {
            restarted.add(service);
            return List.of();
        });
        for (int i = 0; i < 10; i++) {
            check("adapter", i == 0);
        }
        assertThat(recovery.isRunning()).isFalse();
        assertThat(restarted).isEmpty();
        assertThat(events).isEmpty();
    }
}
