package dev.codeagent.runner.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the runner.
 *
 * @param adapterUrl      base URL of the adapter, where trees are fetched
 * @param isolation       container (default), kubernetes or process
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
 *                        is root (with Kubernetes isolation: 65534)
 * @param busyRetryAfter  the {@code Retry-After} of a 503 when every slot is taken
 * @param kubernetes      settings of Kubernetes isolation
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
        @NotNull Duration busyRetryAfter,
        @Valid @NotNull Kubernetes kubernetes) {

    public RunnerProperties {
        adapterUrl = adapterUrl == null ? null : adapterUrl.replaceAll("/+$", "");
        containerUser = containerUser == null || containerUser.isBlank() ? null : containerUser.trim();
    }

    /**
     * Kubernetes isolation: each check is a Job whose init container fetches the tree from this runner.
     *
     * @param namespace      where the Jobs go; empty: the runner's own namespace (its service account's namespace
     *                       file)
     * @param fetchImage     image of the init container that fetches the tree (needs {@code sh}, {@code wget},
     *                       {@code tar} with gzip)
     * @param treePort       port of the tree endpoint the init containers fetch from; nothing else is served there
     * @param treeHost       address of this replica the pods reach it at (its pod IP); empty: the host's address
     * @param startTimeout   time a pod may take to be scheduled, pull its images and fetch the tree; added to the
     *                       check's timeout for the Job's {@code activeDeadlineSeconds}
     * @param jobTtl         {@code ttlSecondsAfterFinished}: the cluster removes a finished Job the runner could not
     * @param jobLabels      extra labels on Jobs and pods, {@code key=value,key=value} (the chart's NetworkPolicy
     *                       selects the check pods by them)
     * @param workspaceSize  size limit of the pod's workspace volume
     * @param placement      where check pods are scheduled and how their images are pulled
     * @param cache          where a check's dependency cache lives between pods
     */
    public record Kubernetes(
            String namespace,
            @NotBlank String fetchImage,
            @Min(1) @Max(65535) int treePort,
            String treeHost,
            @NotNull Duration startTimeout,
            @NotNull Duration jobTtl,
            @Pattern(regexp = "^$|^[A-Za-z0-9./_-]+=[A-Za-z0-9._-]*(,[A-Za-z0-9./_-]+=[A-Za-z0-9._-]*)*$",
                    message = "must be key=value pairs separated by commas") String jobLabels,
            @NotNull DataSize workspaceSize,
            @Valid @NotNull Placement placement,
            @Valid @NotNull Cache cache) {

        public Kubernetes {
            namespace = namespace == null || namespace.isBlank() ? null : namespace.trim();
            treeHost = treeHost == null || treeHost.isBlank() ? null : treeHost.trim();
            jobLabels = jobLabels == null ? "" : jobLabels.replace(" ", "");
        }

        /**
         * Placement and image pulling of check pods. Kept as the variables' text here and parsed, with errors naming
         * the variable, when Kubernetes isolation starts ({@code PodPlacement}): other isolation modes never read them.
         *
         * @param nodeSelector      {@code key=value,key=value}: the nodes check pods may run on
         * @param tolerations       {@code key[=value][:effect],…}: taints (of a dedicated node pool) check pods tolerate
         * @param runtimeClass      RuntimeClass of check pods (a sandboxed runtime such as gVisor or Kata)
         * @param imagePullSecrets  {@code name,name}: Secrets in the namespace to pull check images with
         * @param priorityClass     PriorityClass of check pods
         * @param podAnnotations    {@code key=value,key=value}: extra annotations on check pods
         */
        public record Placement(String nodeSelector, String tolerations, String runtimeClass,
                String imagePullSecrets, String priorityClass, String podAnnotations) {

            /** Nothing set: the namespace's defaults. */
            public static final Placement DEFAULT = new Placement("", "", "", "", "", "");

            public Placement {
                nodeSelector = blankToEmpty(nodeSelector);
                tolerations = blankToEmpty(tolerations);
                runtimeClass = blankToEmpty(runtimeClass);
                imagePullSecrets = blankToEmpty(imagePullSecrets);
                priorityClass = blankToEmpty(priorityClass);
                podAnnotations = blankToEmpty(podAnnotations);
            }
        }

        /**
         * The dependency cache of check pods.
         *
         * @param mode          none (an emptyDir per pod), claim-per-repository or shared-claim
         * @param claim         with shared-claim: the existing ReadWriteMany claim, one subPath per repository cache
         * @param storageClass  with claim-per-repository: storage class of the claims; empty: the cluster's default
         * @param size          with claim-per-repository: requested size of each claim
         * @param accessMode    with claim-per-repository: ReadWriteOnce (one check at a time uses a claim),
         *                      ReadWriteOncePod (likewise) or ReadWriteMany (checks share it)
         */
        public record Cache(@NotNull CacheMode mode, String claim, String storageClass, @NotNull DataSize size,
                @NotNull @Pattern(regexp = "ReadWriteOnce|ReadWriteOncePod|ReadWriteMany",
                        message = "must be ReadWriteOnce, ReadWriteOncePod or ReadWriteMany") String accessMode) {

            /** No cache kept between pods. */
            public static final Cache NONE = new Cache(CacheMode.NONE, "", "", DataSize.ofGigabytes(10),
                    "ReadWriteOnce");

            public Cache {
                claim = blankToEmpty(claim);
                storageClass = blankToEmpty(storageClass);
                accessMode = accessMode == null ? null : accessMode.trim();
            }

            /** Whether two pods may mount one of its claims at the same time. */
            public boolean shared() {
                return mode == CacheMode.SHARED_CLAIM || "ReadWriteMany".equals(accessMode);
            }
        }

        /** Where check pods keep a repository's dependency cache. */
        public enum CacheMode {
            /** An emptyDir per pod: nothing survives the check. */
            NONE,
            /** A PersistentVolumeClaim per repository and cache kind, created by the runner on first use. */
            CLAIM_PER_REPOSITORY,
            /** One existing ReadWriteMany claim, a subPath per repository and cache kind. */
            SHARED_CLAIM
        }

        private static String blankToEmpty(String value) {
            return value == null ? "" : value.trim();
        }
    }
}
