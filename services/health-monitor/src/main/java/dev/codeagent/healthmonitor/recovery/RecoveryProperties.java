package dev.codeagent.healthmonitor.recovery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Automatic restart of hung containers (docs/health-monitor.md#automatic-recovery-of-hung-containers).
 *
 * @param restartUnhealthy whether the monitor restarts containers at all ({@code CODEAGENT_MONITOR_RESTART_UNHEALTHY})
 * @param restartAfter     consecutive failed checks of a target before its containers are restarted
 * @param restartBackoff   least time between two restarts of one target's containers; doubles after every restart
 * @param maxBackoff       cap of the doubled backoff
 * @param dockerHost       the Docker or Podman API, e.g. {@code unix:///var/run/docker.sock} or
 *                         {@code tcp://monitor-socket-proxy:2375}
 * @param stopTimeout      how long a container may take to stop before it is killed, within the restart
 */
@Validated
@ConfigurationProperties("codeagent.monitor.recovery")
public record RecoveryProperties(
        boolean restartUnhealthy,
        @Min(1) @Max(1000) int restartAfter,
        @NotNull Duration restartBackoff,
        @NotNull Duration maxBackoff,
        String dockerHost,
        @NotNull Duration stopTimeout) {

    /** The label that marks a container as this project's, its value naming the monitor's target. */
    public static final String LABEL = "dev.codeagent.service";

    public RecoveryProperties {
        if (restartBackoff != null && (restartBackoff.isNegative() || restartBackoff.isZero())) {
            throw new IllegalStateException("CODEAGENT_MONITOR_RESTART_BACKOFF must be a positive duration such as 5m, got "
                    + restartBackoff);
        }
        if (maxBackoff != null && restartBackoff != null && maxBackoff.compareTo(restartBackoff) < 0) {
            maxBackoff = restartBackoff;
        }
    }
}
