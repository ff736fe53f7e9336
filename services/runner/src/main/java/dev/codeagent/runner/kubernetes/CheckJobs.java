package dev.codeagent.runner.kubernetes;

import dev.codeagent.runner.config.RunnerProperties;
import dev.codeagent.runner.exec.Invocation;
import dev.codeagent.runner.plan.CacheKind;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Job of one check, shaped for the restricted Pod Security Standard: a fixed non-root user, no privilege
 * escalation, every capability dropped, the RuntimeDefault seccomp profile, a read-only root filesystem (the
 * workspace and {@code /tmp} are emptyDir volumes, the cache one too unless a claim keeps it), no service-account
 * token and no service links, placed and pulled as the operator configured ({@link PodPlacement}). One
 * pod, never retried by the Job ({@code backoffLimit: 0}; the orchestrator repeats a run when the infrastructure
 * failed), ended by {@code activeDeadlineSeconds}, removed by {@code ttlSecondsAfterFinished} should the runner not
 * get to it. The init container {@value #FETCH} fetches the tree from this runner into the workspace; the container
 * {@value #CHECK} runs the command and prints its JUnit reports as a delimited block after it.
 */
final class CheckJobs {

    static final String FETCH = "fetch";
    static final String CHECK = "check";
    static final String WORKSPACE = "/workspace";
    /** Every check pod carries it; the chart's NetworkPolicy selects check pods by it. */
    static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    static final String COMPONENT = "check";
    static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    static final String MANAGED_BY = "codeagent-runner";
    /** Set on pods whose checks asked for the network ({@code network: true}); only an operator's policy opens it. */
    static final String NETWORK_LABEL = "codeagent.dev/network";
    static final String RUN_ANNOTATION = "codeagent.dev/run";
    private static final long NOBODY = 65534;
    private static final int MAX_REPORT_FILES = 5000;

    private final RunnerProperties properties;
    private final PodPlacement placement;
    private final long[] user;

    /** Refuses a root {@code CODEAGENT_RUNNER_CONTAINER_USER} or bad placement at once rather than at the first check. */
    CheckJobs(RunnerProperties properties) {
        this.properties = properties;
        this.placement = PodPlacement.of(properties.kubernetes());
        this.user = user(properties.containerUser());
    }

    PodPlacement placement() {
        return placement;
    }

    /** Job names are label values too (63 characters); the attempt's name may be longer, so it is hashed. */
    static String name(String attempt, int index) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(attempt.getBytes(StandardCharsets.UTF_8));
            return "codeagent-check-" + HexFormat.of().formatHex(hash, 0, 8) + "-" + index;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Job of a check; {@code cache} is the kept cache its pod mounts, null for an emptyDir. */
    Job job(Invocation invocation, String treeUrl, String mark, CacheClaims.CacheMount cache) {
        RunnerProperties.Kubernetes kubernetes = properties.kubernetes();
        Map<String, String> labels = new LinkedHashMap<>(placement.labels());
        labels.put(COMPONENT_LABEL, COMPONENT);
        labels.put(MANAGED_BY_LABEL, MANAGED_BY);
        if (invocation.network()) {
            labels.put(NETWORK_LABEL, "requested");
        }
        if (cache != null) {
            labels.put(CacheClaims.CACHE_LABEL, cache.label());
        }
        long deadline = invocation.timeout().plus(kubernetes.startTimeout()).toSeconds();
        return new JobBuilder()
                .withNewMetadata()
                    .withName(name(invocation.attempt(), invocation.index()))
                    .withLabels(labels)
                    .withAnnotations(Map.of(RUN_ANNOTATION, invocation.attempt()))
                .endMetadata()
                .withNewSpec()
                    .withBackoffLimit(0)
                    .withActiveDeadlineSeconds(deadline)
                    .withTtlSecondsAfterFinished((int) kubernetes.jobTtl().toSeconds())
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).withAnnotations(placement.annotations()).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .withAutomountServiceAccountToken(false)
                            .withEnableServiceLinks(false)
                            .withNodeSelector(placement.nodeSelector())
                            .withTolerations(placement.tolerations())
                            .withRuntimeClassName(placement.runtimeClass())
                            .withPriorityClassName(placement.priorityClass())
                            .withImagePullSecrets(placement.imagePullSecrets())
                            .withNewSecurityContext()
                                .withRunAsNonRoot(true)
                                .withRunAsUser(user[0])
                                .withRunAsGroup(user[1])
                                .withFsGroup(user[1])
                                // A kept cache holds many files: only chown it when its root is not the group's yet.
                                .withFsGroupChangePolicy(cache != null ? "OnRootMismatch" : null)
                                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                            .endSecurityContext()
                            .withInitContainers(fetch(treeUrl))
                            .withContainers(check(invocation, mark, cache))
                            .withVolumes(volumes(invocation, cache))
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    private Container fetch(String treeUrl) {
        return new ContainerBuilder()
                .withName(FETCH)
                .withImage(properties.kubernetes().fetchImage())
                .withCommand("sh", "-c", fetchScript(WORKSPACE))
                .withEnv(new EnvVar("CODEAGENT_TREE_URL", treeUrl, null))
                .withResources(resources("500m", "128Mi"))
                .withSecurityContext(restricted())
                .withVolumeMounts(mount("workspace", WORKSPACE))
                .build();
    }

    /**
     * Downloads the tree into the workspace, then unpacks it: no pipe, whose failure a POSIX {@code sh} without
     * {@code pipefail} would hide.
     */
    static String fetchScript(String workspace) {
        String archive = workspace + "/.codeagent-tree.tar.gz";
        return "set -e\nwget -q -O " + archive + " \"$CODEAGENT_TREE_URL\"\ntar -xzf " + archive + " -C " + workspace
                + "\nrm -f " + archive + "\n";
    }

    private Container check(Invocation invocation, String mark, CacheClaims.CacheMount cache) {
        List<EnvVar> env = new ArrayList<>(List.of(
                new EnvVar("HOME", "/tmp", null),
                new EnvVar("CI", "true", null),
                new EnvVar("CODEAGENT_CHECK_COMMAND", invocation.check().run(), null),
                new EnvVar("CODEAGENT_REPORTS_MARK", mark, null)));
        List<VolumeMount> mounts = new ArrayList<>(List.of(
                mount("workspace", WORKSPACE),
                mount("tmp", "/tmp")));
        if (invocation.cache() != null) {
            invocation.cache().environment().forEach((name, value) -> env.add(new EnvVar(name, value, null)));
            mounts.add(new VolumeMountBuilder().withName("cache").withMountPath(CacheKind.MOUNT)
                    .withSubPath(cache == null ? null : cache.subPath()).build());
        }
        String cpus = BigDecimal.valueOf(properties.cpus()).stripTrailingZeros().toPlainString();
        String memory = String.valueOf(properties.memory().toBytes());
        return new ContainerBuilder()
                .withName(CHECK)
                .withImage(invocation.image())
                .withCommand("sh", "-c", script(invocation.check().junit()))
                .withWorkingDir(WORKSPACE)
                .withEnv(env)
                .withResources(resources(cpus, memory))
                .withSecurityContext(restricted())
                .withVolumeMounts(mounts)
                .build();
    }

    /**
     * Runs the command, then prints the files that may be JUnit reports as a tar in base64 between two marker lines
     * (the runner reads them back from the log and matches the exact globs itself), and exits with the command's
     * code. {@code find -path} is broader than the globs ({@code *} crosses folders), never narrower.
     */
    static String script(List<String> junit) {
        StringBuilder script = new StringBuilder("sh -c \"$CODEAGENT_CHECK_COMMAND\"\ncode=$?\n");
        if (!junit.isEmpty()) {
            List<String> paths = junit.stream().map(glob -> "-path " + quote("./" + findPattern(glob))).toList();
            script.append("find . -type f \\( ").append(String.join(" -o ", paths)).append(" \\) 2>/dev/null")
                    .append(" | head -n ").append(MAX_REPORT_FILES).append(" > /tmp/.codeagent-reports\n")
                    .append("if [ -s /tmp/.codeagent-reports ]; then\n")
                    .append("  echo \"$CODEAGENT_REPORTS_MARK begin\"\n")
                    .append("  tar -czf - -T /tmp/.codeagent-reports 2>/dev/null | base64\n")
                    .append("  echo \"$CODEAGENT_REPORTS_MARK end\"\n")
                    .append("fi\n");
        }
        return script.append("exit $code\n").toString();
    }

    /** A glob as a {@code find -path} pattern: {@code **} and alternatives become {@code *}. */
    static String findPattern(String glob) {
        return glob.replaceAll("\\{[^}]*}", "*").replace("**/", "*").replace("**", "*");
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private List<Volume> volumes(Invocation invocation, CacheClaims.CacheMount cache) {
        List<Volume> volumes = new ArrayList<>(List.of(
                emptyDir("workspace", String.valueOf(properties.kubernetes().workspaceSize().toBytes())),
                emptyDir("tmp", "1Gi")));
        if (invocation.cache() != null && cache != null) {
            volumes.add(new VolumeBuilder().withName("cache").withNewPersistentVolumeClaim()
                    .withClaimName(cache.claim()).endPersistentVolumeClaim().build());
        } else if (invocation.cache() != null) {
            // Nothing kept: the cache starts empty, it only keeps the tools' defaults out of the read-only root.
            volumes.add(emptyDir("cache", String.valueOf(properties.kubernetes().workspaceSize().toBytes())));
        }
        return volumes;
    }

    private static VolumeMount mount(String volume, String path) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).build();
    }

    private static Volume emptyDir(String name, String size) {
        return new VolumeBuilder().withName(name).withNewEmptyDir().withSizeLimit(new Quantity(size)).endEmptyDir()
                .build();
    }

    /** Requests equal limits: the pod is Guaranteed, the last to be evicted under node pressure. */
    private static ResourceRequirements resources(String cpu, String memory) {
        Map<String, Quantity> amounts = Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory));
        return new ResourceRequirementsBuilder().withRequests(amounts).withLimits(amounts).build();
    }

    private static SecurityContext restricted() {
        return new SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    /** {@code CODEAGENT_RUNNER_CONTAINER_USER} when set (never root), else nobody. */
    private static long[] user(String configured) {
        if (configured == null) {
            return new long[] {NOBODY, NOBODY};
        }
        String[] parts = configured.split(":");
        long uid = Long.parseLong(parts[0].trim());
        long gid = parts.length > 1 ? Long.parseLong(parts[1].trim()) : uid;
        if (uid == 0) {
            throw new IllegalStateException("CODEAGENT_RUNNER_CONTAINER_USER may not be root with Kubernetes"
                    + " isolation (the restricted Pod Security Standard refuses it)");
        }
        return new long[] {uid, gid};
    }
}
