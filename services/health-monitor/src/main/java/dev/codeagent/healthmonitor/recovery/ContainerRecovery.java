package dev.codeagent.healthmonitor.recovery;

import dev.codeagent.healthmonitor.config.MonitorProperties;
import dev.codeagent.healthmonitor.status.CheckResult;
import dev.codeagent.platform.concurrent.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Restarts the containers of a target that stays down (opt-in): Docker restarts containers that exit, not those that
 * hang, and a hung service holds its jobs until someone notices. Every check result passes through the
 * {@link RestartPolicy}; a restart runs on a thread of its own, so the poller never waits for the container API, and
 * is published as a {@link ContainerRestart}.
 */
@Component
public class ContainerRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContainerRecovery.class);
    private static final Duration MIN_GRACE = Duration.ofSeconds(30);
    private static final int KEPT = 20;

    private final RecoveryProperties properties;
    private final ObjectProvider<ContainerRuntime> runtime;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RestartPolicy policy;
    private final Deque<ContainerRestart> recent = new ArrayDeque<>();
    private volatile ExecutorService worker;

    public ContainerRecovery(RecoveryProperties properties, MonitorProperties monitor,
            ObjectProvider<ContainerRuntime> runtime, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.runtime = runtime;
        this.events = events;
        this.clock = clock;
        // As long as the notifier's grace for targets down since the start: three intervals, at least 30 s.
        Duration threeIntervals = monitor.interval().multipliedBy(3);
        this.policy = new RestartPolicy(properties, threeIntervals.compareTo(MIN_GRACE) > 0 ? threeIntervals : MIN_GRACE,
                clock);
    }

    public boolean enabled() {
        return properties.restartUnhealthy();
    }

    /** After every check of a target. */
    public void checked(String target, CheckResult result) {
        ExecutorService executor = worker;
        if (!enabled() || executor == null) {
            return;
        }
        policy.checked(target, result.up(), result.at())
                .ifPresent(restart -> executor.execute(() -> restart(restart)));
    }

    /** The latest restarts, newest first. */
    public synchronized List<ContainerRestart> recent() {
        return List.copyOf(recent);
    }

    private void restart(RestartPolicy.Restart decision) {
        ContainerRestart outcome;
        try {
            List<String> containers = runtime.getObject().restart(decision.target());
            outcome = new ContainerRestart(decision.target(), containers, decision.failedChecks(), decision.at(),
                    decision.nextAllowedAt(), containers.isEmpty()
                            ? "no container labelled " + RecoveryProperties.LABEL + "=" + decision.target() : null);
        } catch (RuntimeException e) {
            outcome = new ContainerRestart(decision.target(), List.of(), decision.failedChecks(), decision.at(),
                    decision.nextAllowedAt(), "the container API failed: " + e.getMessage());
        }
        if (outcome.succeeded()) {
            log.warn("Restarted {} ({}) after {} failed checks; next restart not before {}", decision.target(),
                    String.join(", ", outcome.containers()), decision.failedChecks(), decision.nextAllowedAt());
        } else {
            log.error("Could not restart {} after {} failed checks: {}", decision.target(), decision.failedChecks(),
                    outcome.error());
        }
        synchronized (this) {
            recent.addFirst(outcome);
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
        events.publishEvent(outcome);
    }

    @Override
    public synchronized void start() {
        if (enabled() && worker == null) {
            worker = Executors.newSingleThreadExecutor(DaemonThreads.named("container-recovery"));
            log.info("Restarting containers of targets down for {} checks in a row (backoff {}, container API {})",
                    properties.restartAfter(), properties.restartBackoff(),
                    properties.dockerHost() == null || properties.dockerHost().isBlank() ? "from DOCKER_HOST"
                            : properties.dockerHost());
        }
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
