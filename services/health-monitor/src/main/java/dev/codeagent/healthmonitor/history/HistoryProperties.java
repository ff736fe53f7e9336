package dev.codeagent.healthmonitor.history;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the durable health history is kept.
 *
 * @param retention     state changes and closed incidents older than this are purged
 *                      ({@code CODEAGENT_MONITOR_RETENTION})
 * @param purgeInterval how often the purge runs
 * @param schemaRetry   how soon the schema migration is tried again when the database was unreachable at start
 */
@Validated
@ConfigurationProperties("codeagent.monitor.history")
public record HistoryProperties(@NotNull Duration retention, @NotNull Duration purgeInterval,
        @NotNull Duration schemaRetry) {

    public HistoryProperties {
        if (retention != null && retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalStateException("CODEAGENT_MONITOR_RETENTION must be at least 1h, got " + retention);
        }
        requirePositive("purge-interval", purgeInterval);
        requirePositive("schema-retry", schemaRetry);
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalStateException("codeagent.monitor.history." + name + " must be positive, got " + value);
        }
    }
}
