package dev.codeagent.orchestrator.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import dev.codeagent.orchestrator.config.DatabaseProduct;
import dev.codeagent.orchestrator.config.SchedulerProperties;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * db-scheduler on the orchestrator's database, wired by hand (its Spring Boot starter targets Boot 3).
 * The data source is wrapped so that scheduling inside a Spring transaction joins it: a job row and its
 * first task are committed together or not at all. Its table comes from our own Flyway migration.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulerConfiguration.class);

    @Bean
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties) {
        SchedulerBuilder builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks);
        if (lockAndFetch(properties.pollingStrategy(), dataSource)) {
            // Claims a batch of due steps in one statement instead of one optimistic update per step.
            builder.pollUsingLockAndFetch(0.5, 1.0);
            log.info("Workflow steps are claimed with lock-and-fetch polling");
        }
        return builder
                .schedulerName(new SchedulerName.Fixed(name(properties)))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .enableImmediateExecution()
                .enablePriority()
                .alwaysPersistTimestampInUTC()
                .build();
    }

    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler, SchedulerProperties properties) {
        return new SchedulerLifecycle(scheduler, properties.enabled());
    }

    private static boolean lockAndFetch(SchedulerProperties.PollingStrategy strategy, DataSource dataSource) {
        return switch (strategy) {
            case FETCH -> false;
            case LOCK_AND_FETCH -> true;
            case AUTO -> {
                try {
                    yield DatabaseProduct.isPostgreSql(dataSource);
                } catch (MetaDataAccessException e) {
                    log.warn("Could not tell the database product, polling with fetch-and-lock: {}", e.getMessage());
                    yield false;
                }
            }
        };
    }

    private static String name(SchedulerProperties properties) {
        if (properties.name() != null && !properties.name().isBlank()) {
            return properties.name();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "orchestrator";
        }
        // Unique per process, so two replicas on one host (or two test contexts) never share a name.
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
