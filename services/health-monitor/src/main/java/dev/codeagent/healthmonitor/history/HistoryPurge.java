package dev.codeagent.healthmonitor.history;

import dev.codeagent.platform.concurrent.DaemonThreads;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Enforces {@code CODEAGENT_MONITOR_RETENTION}: purges the history at start and every purge interval. */
@Component
public class HistoryPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HistoryPurge.class);

    private final HistoryStore store;
    private final HistoryProperties properties;
    private volatile ScheduledExecutorService scheduler;

    public HistoryPurge(HistoryStore store, HistoryProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** One purge now; returns the rows deleted. */
    public int purge() {
        int deleted = store.purge(properties.retention());
        if (deleted > 0) {
            log.info("Purged {} history rows older than {}", deleted, properties.retention());
        }
        return deleted;
    }

    private void scheduledPurge() {
        try {
            purge();
        } catch (RuntimeException e) {
            // The next run tries again; never let one failure cancel the schedule.
            log.warn("History purge failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("history-purge"));
        long every = properties.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::scheduledPurge, 0, every, TimeUnit.MILLISECONDS);
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
