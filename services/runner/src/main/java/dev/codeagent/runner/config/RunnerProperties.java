package dev.codeagent.runner.config;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the runner.
 *
 * @param adapterUrl      base URL of the adapter, where trees are fetched
 * @param isolation       container (default) or process
 * @param dockerHost      Docker API endpoint for container isolation ({@code unix:///…} or {@code tcp://…}; Podman's
 *                        Docker-compatible socket works)
 * @param concurrency     runs at the same time on this replica; more are refused with 503
 * @param timeout         longest a check may run; {@code .codeagent.yml} may lower it, never raise it
 * @param cpus            CPUs a check's container may use
 * @param memory          memory a check's container may use
 * @param pids            processes a check's container may hold
 * @param repair          repair rounds reported for detected checks ({@code repair:} in the configuration wins)
 * @param logLimit        the run's log is cut to this size, keeping its head and its tail
 * @param image           container image when neither the configuration nor the detected tool names one
 * @param workDir         where sandboxes are unpacked (one folder per run, removed afterwards); with container
 *                        isolation the Docker host must see it at the same path
 * @param maxTreeSize     the unpacked tree may not exceed this
 * @param maxTreeFiles    nor hold more files than this
 * @param containerUser   {@code uid:gid} checks run as in containers; empty: the sandbox owner, or 65534 when that
 *                        is root
 * @param busyRetryAfter  the {@code Retry-After} of a 503 when every slot is taken
 */
@Validated
@ConfigurationProperties("codeagent.runner")
public record RunnerProperties(
        @NotBlank String adapterUrl,
        @NotNull Isolation isolation,
        @NotBlank String dockerHost,
        @Min(1) @Max(64) int concurrency,
        @NotNull Duration timeout,
        @DecimalMin("0.1") double cpus,
        @NotNull DataSize memory,
        @Min(16) int pids,
        @Min(0) @Max(10) int repair,
        @NotNull DataSize logLimit,
        @NotBlank String image,
        @NotNull Path workDir,
        @NotNull DataSize maxTreeSize,
        @Min(1) int maxTreeFiles,
        String containerUser,
        @NotNull Duration busyRetryAfter) {

    public RunnerProperties {
        adapterUrl = adapterUrl == null ? null : adapterUrl.replaceAll("/+$", "");
        containerUser = containerUser == null || containerUser.isBlank() ? null : containerUser.trim();
    }
}
