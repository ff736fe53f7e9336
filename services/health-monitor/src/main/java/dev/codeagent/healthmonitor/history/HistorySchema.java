package dev.codeagent.healthmonitor.history;

import dev.codeagent.platform.concurrent.DaemonThreads;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates the history schema at start-up. When the database cannot be reached (PostgreSQL down), the monitor
 * starts anyway — watching the other services matters more than recording their history — and tries again every
 * {@code schemaRetry} in the background; until then writes are logged and skipped and the history API answers 503.
 */
@Component
class HistorySchema implements FlywayMigrationStrategy, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HistorySchema.class);

    private final HistoryProperties properties;
    private volatile ScheduledExecutorService retries;

    HistorySchema(HistoryProperties properties) {
        this.properties = properties;
    }

    @Override
    public void migrate(Flyway flyway) {
        if (tryMigrate(flyway)) {
            return;
        }
        ScheduledExecutorService executor =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("history-schema"));
        retries = executor;
        long every = properties.schemaRetry().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            if (tryMigrate(flyway)) {
                log.info("History database reachable again: schema migrated");
                executor.shutdown();
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private boolean tryMigrate(Flyway flyway) {
        try {
            flyway.migrate();
            return true;
        } catch (RuntimeException e) {
            log.warn("History database not available ({}); the monitor runs without history and retries in {}",
                    e.getMessage(), properties.schemaRetry());
            return false;
        }
    }

    @Override
    public void destroy() {
        ScheduledExecutorService executor = retries;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
