package dev.codeagent.runner.exec;

import dev.codeagent.runner.plan.CacheKind;
import dev.codeagent.runner.plan.CheckSpec;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One check to execute.
 *
 * @param attempt  this attempt of the run, unique on the host (names the container)
 * @param index    its position in the run, from 1
 * @param check    what to run
 * @param sandbox  the unpacked tree, the command's working directory
 * @param image    container image (ignored by process isolation)
 * @param timeout  when to kill it
 * @param cache    dependency cache to mount, or null
 * @param cacheKey names the repository's cache volume
 * @param network  whether it may reach the network
 * @param output   where stdout and stderr go
 * @param control  cancellation
 */
public record Invocation(String attempt, int index, CheckSpec check, Path sandbox, String image, Duration timeout,
        CacheKind cache, String cacheKey, boolean network, OutputStream output, RunControl control) {
}
