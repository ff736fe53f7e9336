package dev.codeagent.healthmonitor.history;

import dev.codeagent.healthmonitor.status.StatusChange;
import dev.codeagent.healthmonitor.status.StatusChangedEvent;
import dev.codeagent.platform.concurrent.DaemonThreads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes state changes to the {@link HistoryStore} on its own thread through a small bounded queue: the
 * change event arrives on the poller thread, and a slow or unreachable database must not delay the next
 * checks. One writer thread keeps the changes in order. When the queue is full (the database has been stuck
 * for a long time) or a write fails, the change is logged and left out of the history.
 */
@Component
public class HistoryWriter implements SmartLifecycle {

    /** State changes are rare (at most one per target per check): this holds many minutes of outage. */
    static final int QUEUE_CAPACITY = 1000;
    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);
    private static final long DRAIN_SECONDS = 5;

    private final HistoryStore store;
    private volatile ThreadPoolExecutor writer;

    public HistoryWriter(HistoryStore store) {
        this.store = store;
    }

    @EventListener
    void onStatusChanged(StatusChangedEvent event) {
        StatusChange change = event.change();
        ThreadPoolExecutor executor = writer;
        if (executor == null) {
            log.warn("History not running: {} {} at {} not stored", change.service(), change.to(), change.at());
            return;
        }
        try {
            executor.execute(() -> write(change));
        } catch (RejectedExecutionException e) {
            log.warn("History queue full: {} {} at {} not stored", change.service(), change.to(), change.at());
        }
    }

    private void write(StatusChange change) {
        try {
            store.record(change);
        } catch (RuntimeException e) {
            log.warn("Could not store {} {} at {} in the history: {}", change.service(), change.to(), change.at(),
                    e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (writer == null) {
            writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(QUEUE_CAPACITY), DaemonThreads.named("history-writer"));
        }
    }

    /** Writes what is queued (briefly) so a restart of the monitor keeps the latest changes. */
    @Override
    public synchronized void stop() {
        ThreadPoolExecutor executor = writer;
        writer = null;
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                log.warn("{} state changes not stored at shutdown", executor.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Starts before and stops after the poller, whose changes it stores. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }
}
