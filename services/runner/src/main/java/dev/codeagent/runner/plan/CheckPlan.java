package dev.codeagent.runner.plan;

import dev.codeagent.contracts.check.CheckSource;
import java.time.Duration;
import java.util.List;

/**
 * What to run for one tree: from {@code .codeagent.yml}, detected, or nothing (with the configuration error, if any).
 *
 * @param source      configured, detected or none
 * @param configError the configuration's error with its line, when it could not be used
 * @param checks      in order
 * @param image       container image; null to use the runner's default
 * @param timeout     per check, as configured; null for the runner's maximum
 * @param repair      repair rounds as configured; null for the runner's default
 * @param cache       dependency cache to mount; null for none
 * @param network     whether the checks may reach the network (explicit opt-in)
 * @param pipelines   Azure DevOps pipelines (names or ids) to run as further checks; the orchestrator queues them
 */
public record CheckPlan(CheckSource source, String configError, List<CheckSpec> checks, String image,
        Duration timeout, Integer repair, CacheKind cache, boolean network, List<String> pipelines) {

    public CheckPlan {
        checks = List.copyOf(checks);
        pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
    }

    /** A plan without pipelines. */
    public CheckPlan(CheckSource source, String configError, List<CheckSpec> checks, String image, Duration timeout,
            Integer repair, CacheKind cache, boolean network) {
        this(source, configError, checks, image, timeout, repair, cache, network, List.of());
    }

    public static CheckPlan none(String configError) {
        return new CheckPlan(CheckSource.NONE, configError, List.of(), null, null, null, null, false);
    }
}
