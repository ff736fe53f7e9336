package dev.codeagent.runner.kubernetes;

import dev.codeagent.runner.config.RunnerProperties;
import dev.codeagent.runner.config.RunnerProperties.Kubernetes.CacheMode;
import dev.codeagent.runner.exec.Invocation;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a check pod's {@code /cache} lives: an emptyDir (nothing kept), a PersistentVolumeClaim per repository and
 * cache kind that this runner creates on first use, or a subPath per repository and cache kind on one existing
 * ReadWriteMany claim.
 *
 * <p>A ReadWriteOnce claim is used by one check at a time. Two pods on different nodes cannot both attach it (the
 * second would wait in {@code ContainerCreating}, eating its start allowance), and two on one node would write the
 * same files at once. So each use takes a Lease named after the claim first (creating it is atomic across replicas);
 * a check that finds it held runs with an empty cache and says so in its log. Nothing ever waits for a cache, so
 * nothing can deadlock on one; a Lease left by a runner that died expires after the Job's deadline.
 */
final class CacheClaims {

    /** On claims and on the pods that mount one: which cache (its claim or subPath name). */
    static final String CACHE_LABEL = "codeagent.dev/cache";
    private static final Logger log = LoggerFactory.getLogger(CacheClaims.class);

    private final KubernetesClient client;
    private final String namespace;
    private final RunnerProperties.Kubernetes.Cache settings;
    private final Map<String, String> labels;
    private final Clock clock;

    CacheClaims(KubernetesClient client, String namespace, RunnerProperties.Kubernetes.Cache settings,
            Map<String, String> labels, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.settings = validated(settings);
        this.labels = labels;
        this.clock = clock;
    }

    /** Refuses settings that would only fail at the first check. */
    private static RunnerProperties.Kubernetes.Cache validated(RunnerProperties.Kubernetes.Cache cache) {
        if (cache.mode() == CacheMode.SHARED_CLAIM) {
            if (cache.claim().isEmpty()) {
                throw new IllegalArgumentException("CODEAGENT_RUNNER_K8S_CACHE=shared-claim needs the existing"
                        + " ReadWriteMany claim in CODEAGENT_RUNNER_K8S_CACHE_CLAIM");
            }
            PodPlacement.dnsSubdomain("CODEAGENT_RUNNER_K8S_CACHE_CLAIM", cache.claim());
        } else if (!cache.claim().isEmpty()) {
            throw new IllegalArgumentException("CODEAGENT_RUNNER_K8S_CACHE_CLAIM is set but"
                    + " CODEAGENT_RUNNER_K8S_CACHE is not shared-claim: set both, or neither");
        }
        if (cache.mode() == CacheMode.CLAIM_PER_REPOSITORY) {
            if (!cache.storageClass().isEmpty()) {
                PodPlacement.dnsSubdomain("CODEAGENT_RUNNER_K8S_CACHE_STORAGE_CLASS", cache.storageClass());
            }
            if (cache.size().toBytes() <= 0) {
                throw new IllegalArgumentException("CODEAGENT_RUNNER_K8S_CACHE_SIZE must be more than 0");
            }
        }
        return cache;
    }

    /** The name of a repository's cache of one kind: as the container engine's volume, hashed, never the name. */
    static String name(Invocation invocation) {
        return "codeagent-cache-" + invocation.cacheKey() + "-" + invocation.cache().label();
    }

    /**
     * The cache the check's pod mounts, or null for an emptyDir: no cache kind, no kept cache configured, or a
     * ReadWriteOnce claim in use by another check (then a line in the check's log says so).
     */
    CacheMount acquire(Invocation invocation, String holder, Duration hold, LogLine line) {
        if (invocation.cache() == null || settings.mode() == CacheMode.NONE) {
            return null;
        }
        String name = name(invocation);
        if (settings.mode() == CacheMode.SHARED_CLAIM) {
            return new CacheMount(settings.claim(), name, name, false);
        }
        try {
            ensureClaim(name, invocation);
        } catch (KubernetesClientException e) {
            log.warn("Cache claim {} could not be created; the check runs without a kept cache: {}", name,
                    e.getMessage());
            line.write("[cache: claim " + name + " could not be created (" + e.getMessage() + "); this check runs"
                    + " with an empty cache]");
            return null;
        }
        if (settings.shared()) {
            return new CacheMount(name, null, name, false);
        }
        if (!lock(name, holder, hold)) {
            log.info("Cache claim {} is in use by another check; {} runs with an empty cache", name, holder);
            line.write("[cache: the " + invocation.cache().label() + " cache of this repository (claim " + name
                    + ", " + settings.accessMode() + ") is in use by another check; this check runs with an empty"
                    + " cache]");
            return null;
        }
        return new CacheMount(name, null, name, true);
    }

    /** Gives up the claim's Lease, if this check holds it; a Lease it cannot delete expires by itself. */
    void release(CacheMount mount, String holder) {
        if (mount == null || !mount.exclusive()) {
            return;
        }
        try {
            Resource<Lease> lease = client.leases().inNamespace(namespace).withName(mount.claim());
            Lease current = lease.get();
            if (current != null && current.getSpec() != null && holder.equals(current.getSpec().getHolderIdentity())) {
                lease.delete();
            }
        } catch (KubernetesClientException e) {
            log.warn("Could not release the Lease of cache claim {} (it expires by itself): {}", mount.claim(),
                    e.getMessage());
        }
    }

    /** Creates the claim unless it exists; another replica creating it at the same moment is fine. */
    private void ensureClaim(String name, Invocation invocation) {
        Resource<PersistentVolumeClaim> claim = client.persistentVolumeClaims().inNamespace(namespace)
                .withName(name);
        if (claim.get() != null) {
            return;
        }
        Map<String, String> claimLabels = new LinkedHashMap<>(labels);
        claimLabels.put(CheckJobs.COMPONENT_LABEL, "cache");
        claimLabels.put(CheckJobs.MANAGED_BY_LABEL, CheckJobs.MANAGED_BY);
        claimLabels.put(CACHE_LABEL, invocation.cache().label());
        PersistentVolumeClaim created = new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(name).withLabels(claimLabels).endMetadata()
                .withNewSpec()
                    .withAccessModes(settings.accessMode())
                    .withStorageClassName(settings.storageClass().isEmpty() ? null : settings.storageClass())
                    .withNewResources()
                        .withRequests(Map.of("storage", new Quantity(String.valueOf(settings.size().toBytes()))))
                    .endResources()
                .endSpec()
                .build();
        try {
            client.persistentVolumeClaims().inNamespace(namespace).resource(created).create();
            log.info("Created cache claim {} ({}, {}, storage class {})", name, settings.size(),
                    settings.accessMode(), settings.storageClass().isEmpty() ? "default" : settings.storageClass());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
        }
    }

    /**
     * Takes the claim's Lease: creates it, or takes over one that expired (its holder died), guarded by its
     * resourceVersion so that of two replicas only one wins. False when another check holds it.
     */
    private boolean lock(String name, String holder, Duration hold) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        Lease lease = new LeaseBuilder()
                .withNewMetadata().withName(name).withLabels(Map.of(CheckJobs.MANAGED_BY_LABEL, CheckJobs.MANAGED_BY))
                .endMetadata()
                .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds((int) hold.toSeconds())
                .withAcquireTime(now).withRenewTime(now).endSpec()
                .build();
        try {
            client.leases().inNamespace(namespace).resource(lease).create();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                log.warn("Lease of cache claim {} could not be taken: {}", name, e.getMessage());
                return false;
            }
        }
        try {
            Lease current = client.leases().inNamespace(namespace).withName(name).get();
            if (current == null || !expired(current, now)) {
                return false;
            }
            lease.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
            client.leases().inNamespace(namespace).resource(lease).update();
            log.info("Took over the expired Lease of cache claim {} from {}", name,
                    current.getSpec().getHolderIdentity());
            return true;
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    private static boolean expired(Lease lease, ZonedDateTime now) {
        if (lease.getSpec() == null || lease.getSpec().getRenewTime() == null
                || lease.getSpec().getLeaseDurationSeconds() == null) {
            return true;
        }
        return lease.getSpec().getRenewTime().plusSeconds(lease.getSpec().getLeaseDurationSeconds()).isBefore(now);
    }

    /** Writes one line into the check's log. */
    @FunctionalInterface
    interface LogLine {
        void write(String line);
    }

    /**
     * A kept cache for one pod.
     *
     * @param claim     the PersistentVolumeClaim to mount
     * @param subPath   the folder of this repository's cache on a shared claim, or null for the whole claim
     * @param label     the value of {@link #CACHE_LABEL} on the pod
     * @param exclusive whether this check holds the claim's Lease
     */
    record CacheMount(String claim, String subPath, String label, boolean exclusive) {
    }
}
