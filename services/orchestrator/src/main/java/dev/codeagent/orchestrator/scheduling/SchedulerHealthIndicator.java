package dev.codeagent.orchestrator.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness component {@code scheduler}: up while db-scheduler runs and is not shutting down. */
@Component
public class SchedulerHealthIndicator implements HealthIndicator {

    private final Scheduler scheduler;
    private final SchedulerLifecycle lifecycle;

    public SchedulerHealthIndicator(Scheduler scheduler, SchedulerLifecycle lifecycle) {
        this.scheduler = scheduler;
        this.lifecycle = lifecycle;
    }

    @Override
    public Health health() {
        if (!lifecycle.enabled()) {
            return Health.up().withDetail("enabled", false).build();
        }
        SchedulerState state = scheduler.getSchedulerState();
        Health.Builder health = state.isStarted() && !state.isShuttingDown() && !state.isPaused()
                ? Health.up() : Health.outOfService();
        return health.withDetail("started", state.isStarted())
                .withDetail("shuttingDown", state.isShuttingDown())
                .withDetail("executing", scheduler.getCurrentlyExecuting().size())
                .build();
    }
}
