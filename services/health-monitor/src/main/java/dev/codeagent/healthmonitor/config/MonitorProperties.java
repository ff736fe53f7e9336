package dev.codeagent.healthmonitor.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the health monitor watches and how.
 *
 * @param interval         how often every target is checked
 * @param retryInterval    how soon a target whose last check failed is checked again (never later than
 *                         {@code interval}), so recoveries and outages show quickly
 * @param timeout          default time a check may take before the target counts as down
 * @param failureThreshold consecutive failed checks before a target that was up counts as down
 * @param historySize      checks kept per target
 * @param uptimeWindow     window over which {@code /api/services} computes uptime
 * @param changesKept      recent state changes kept for {@code /api/services}
 * @param heartbeat        interval of comment lines on {@code /api/events} that keep proxies from closing it
 * @param targets          compact target list replacing {@code defaultTargets} when not blank (see
 *                         {@link TargetListParser})
 * @param defaultTargets   targets watched when {@code targets} is blank
 * @param webhookUrl       Slack/Teams-compatible incoming webhook notified of state changes; blank = off
 * @param webhookTimeout   timeout of one webhook call
 * @param dashboardUrl     public address of the dashboard, linked from notifications
 * @param orchestratorUrl  orchestrator whose job listing the dashboard shows
 * @param jobsTimeout      read timeout of job listing calls to the orchestrator
 */
@Validated
@ConfigurationProperties("codeagent.monitor")
public record MonitorProperties(
        @NotNull Duration interval,
        @NotNull Duration retryInterval,
        @NotNull Duration timeout,
        @Min(1) @Max(100) int failureThreshold,
        @Min(1) @Max(100_000) int historySize,
        @NotNull Duration uptimeWindow,
        @Min(1) @Max(10_000) int changesKept,
        @NotNull Duration heartbeat,
        String targets,
        @Valid List<TargetProperties> defaultTargets,
        String webhookUrl,
        @NotNull Duration webhookTimeout,
        String dashboardUrl,
        @NotBlank String orchestratorUrl,
        @NotNull Duration jobsTimeout) {

    public MonitorProperties {
        defaultTargets = defaultTargets == null ? List.of() : List.copyOf(defaultTargets);
        requirePositive("CODEAGENT_MONITOR_INTERVAL", interval);
        requirePositive("CODEAGENT_MONITOR_RETRY_INTERVAL", retryInterval);
        requirePositive("CODEAGENT_MONITOR_TIMEOUT", timeout);
        requirePositive("CODEAGENT_MONITOR_SSE_HEARTBEAT", heartbeat);
        requirePositive("CODEAGENT_MONITOR_UPTIME_WINDOW", uptimeWindow);
    }

    /**
     * One target as configured in {@code application.yml}.
     *
     * @param name           name shown on the dashboard and in {@code /health}
     * @param url            URL answered with a plain GET
     * @param expectedStatus accepted HTTP statuses, see {@link ExpectedStatus}; default {@code 2xx}
     * @param timeout        overrides the default timeout
     * @param critical       whether the system is unhealthy without it
     */
    public record TargetProperties(@NotBlank String name, @NotBlank String url, String expectedStatus,
            Duration timeout, boolean critical) {
    }

    private static void requirePositive(String variable, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalStateException(variable + " must be a positive duration such as 10s, got " + value);
        }
    }
}
