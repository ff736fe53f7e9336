package dev.codeagent.healthmonitor.check;

import dev.codeagent.healthmonitor.config.MonitorProperties;
import dev.codeagent.healthmonitor.config.Target;
import dev.codeagent.healthmonitor.recovery.ContainerRecovery;
import dev.codeagent.healthmonitor.status.StatusBoard;
import dev.codeagent.platform.concurrent.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Checks all due targets in parallel on every tick. A tick comes every interval, or every retry interval
 * when shorter, so a failed target is re-checked soon while healthy ones are checked once per interval.
 * The first tick runs at startup.
 */
@Component
public class HealthPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HealthPoller.class);

    private final StatusBoard board;
    private final TargetProbe probe;
    private final MonitorProperties properties;
    private final ContainerRecovery recovery;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler;

    public HealthPoller(StatusBoard board, TargetProbe probe, MonitorProperties properties, ContainerRecovery recovery,
            Clock clock) {
        this.board = board;
        this.probe = probe;
        this.properties = properties;
        this.recovery = recovery;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        Duration tick = properties.retryInterval().compareTo(properties.interval()) < 0
                ? properties.retryInterval() : properties.interval();
        scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("health-poller"));
        scheduler.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Polling {} targets every {} (failed ones every {})", board.health().services().size(),
                properties.interval(), tick);
    }

    /** Runs one round: every due target checked in parallel, results recorded when all finished. */
    void tick() {
        try {
            List<Target> due = board.due(clock.instant());
            if (due.isEmpty()) {
                return;
            }
            List<CompletableFuture<Void>> checks = due.stream()
                    .map(target -> probe.check(target).thenAccept(result -> {
                        board.record(target.name(), result);
                        recovery.checked(target.name(), result);
                    }))
                    .toList();
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            // Never let one bad round cancel the schedule.
            log.error("Health check round failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
