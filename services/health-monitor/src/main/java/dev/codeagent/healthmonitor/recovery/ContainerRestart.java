package dev.codeagent.healthmonitor.recovery;

import java.time.Instant;
import java.util.List;

/**
 * The monitor restarted a target's containers (or tried to): published as an application event, shown on the
 * dashboard and sent to the notification webhook.
 *
 * @param service       the target's name, also the containers' {@code dev.codeagent.service} label
 * @param containers    the containers restarted; empty when none carries the label
 * @param failedChecks  failed checks in a row that led to it
 * @param at            when it was decided
 * @param nextAllowedAt the earliest time the same target may be restarted again
 * @param error         why the restart failed, null when it succeeded
 */
public record ContainerRestart(String service, List<String> containers, int failedChecks, Instant at,
        Instant nextAllowedAt, String error) {

    public ContainerRestart {
        containers = containers == null ? List.of() : List.copyOf(containers);
    }

    public boolean succeeded() {
        return error == null && !containers.isEmpty();
    }
}
