package dev.codeagent.orchestrator.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts db-scheduler once the application context is ready (Flyway has migrated, every task is known)
 * and stops it before the web server and the data source go away, letting running steps finish for up
 * to the configured shutdown wait.
 */
public class SchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private final boolean enabled;
    private volatile boolean running;

    public SchedulerLifecycle(Scheduler scheduler, boolean enabled) {
        this.scheduler = scheduler;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (enabled) {
            scheduler.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (enabled) {
            scheduler.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server (which stops at a higher phase first) so in-flight requests can still schedule. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    public boolean enabled() {
        return enabled;
    }
}
