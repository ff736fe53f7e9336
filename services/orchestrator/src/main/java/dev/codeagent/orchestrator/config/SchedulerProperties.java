package dev.codeagent.orchestrator.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * db-scheduler settings. A short polling interval keeps latency low when another replica scheduled the
 * work (work scheduled locally runs at once); heartbeats decide how fast a dead replica's work is taken over
 * (after {@code heartbeatInterval × missedHeartbeats}; db-scheduler requires at least 4).
 *
 * @param name              scheduler name recorded as {@code picked_by} (blank: host name + random suffix)
 * @param pollingStrategy   how due steps are claimed; {@code auto} claims them with one
 *                          {@code SELECT … FOR UPDATE SKIP LOCKED} statement per batch on PostgreSQL (fewer
 *                          statements per step) and with an optimistic update per step elsewhere
 */
@Validated
@ConfigurationProperties("codeagent.scheduler")
public record SchedulerProperties(
        boolean enabled,
        String name,
        @Min(1) @Max(500) int threads,
        @NotNull Duration pollingInterval,
        @NotNull Duration heartbeatInterval,
        @Min(4) @Max(100) int missedHeartbeats,
        @NotNull Duration shutdownMaxWait,
        @NotNull PollingStrategy pollingStrategy) {

    /** db-scheduler's two ways of claiming due executions. */
    public enum PollingStrategy { AUTO, FETCH, LOCK_AND_FETCH }
}
