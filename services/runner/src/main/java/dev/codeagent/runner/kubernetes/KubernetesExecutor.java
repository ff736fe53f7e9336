package dev.codeagent.runner.kubernetes;

import dev.codeagent.runner.config.Isolation;
import dev.codeagent.runner.config.RunnerProperties;
import dev.codeagent.runner.exec.CheckExecutor;
import dev.codeagent.runner.exec.CheckInfrastructureFailure;
import dev.codeagent.runner.exec.CheckStartFailure;
import dev.codeagent.runner.exec.Execution;
import dev.codeagent.runner.exec.Invocation;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each check as a Kubernetes Job in the runner's namespace (see {@link CheckJobs} for the pod's shape). The tree
 * gets into the pod without a shared disk: the runner packs the sandbox, offers it on its {@link TreeServer} under a
 * one-time token, and the pod's init container fetches it into an emptyDir. The check's output is read from the
 * pod's log, the JUnit reports from a delimited block at its end, the exit code from the container's status; the
 * Job is deleted afterwards (and on a cancel) with background propagation. A check with a cache kind mounts the
 * repository's kept cache when one is configured ({@link CacheClaims}).
 *
 * <p>How a Job ends maps to the other executors' endings: the check container's exit code is the result; the
 * Job's {@code DeadlineExceeded} is a timeout; an evicted or preempted pod, or one that never started, is a
 * {@link CheckInfrastructureFailure} (the run is repeated, the code is not blamed); an image that cannot be pulled
 * or a tree that cannot be fetched is a {@link CheckStartFailure}.
 */
public class KubernetesExecutor implements CheckExecutor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KubernetesExecutor.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long POLL_SECONDS = 5;
    private static final Duration SLACK = Duration.ofMinutes(2);
    private static final long MAX_REPORT_BLOCK = 32L * 1024 * 1024;
    private static final long MAX_REPORT_BYTES = 64L * 1024 * 1024;
    private static final Set<String> START_FAILURES = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError");
    /** Label the Job controller puts on its pods. */
    private static final String JOB_NAME_LABEL = "job-name";

    private final KubernetesClient client;
    private final String namespace;
    private final TreeServer trees;
    private final String treeBase;
    private final CheckJobs jobs;
    private final CacheClaims caches;
    private final Duration startTimeout;

    public KubernetesExecutor(KubernetesClient client, RunnerProperties properties, TreeServer trees,
            String treeHost) {
        this(client, properties, trees, treeHost, Clock.systemUTC());
    }

    /**
     * Refuses, with the variable's name, settings the API server would refuse at every check (placement, cache).
     */
    KubernetesExecutor(KubernetesClient client, RunnerProperties properties, TreeServer trees, String treeHost,
            Clock clock) {
        this.client = client;
        this.namespace = properties.kubernetes().namespace() != null ? properties.kubernetes().namespace()
                : client.getNamespace();
        if (namespace == null) {
            throw new IllegalStateException("Kubernetes isolation needs a namespace for the check Jobs: run the"
                    + " runner in a pod with its service account or set CODEAGENT_RUNNER_NAMESPACE");
        }
        this.trees = trees;
        this.treeBase = "http://" + (treeHost.contains(":") ? "[" + treeHost + "]" : treeHost) + ":"
                + trees.port() + TreeServer.PATH;
        this.jobs = new CheckJobs(properties);
        this.caches = new CacheClaims(client, namespace, properties.kubernetes().cache(),
                jobs.placement().labels(), clock);
        this.startTimeout = properties.kubernetes().startTimeout();
    }

    public String namespace() {
        return namespace;
    }

    @Override
    public Isolation isolation() {
        return Isolation.KUBERNETES;
    }

    /** Ready when the API server answers and lets this service account list Jobs in the namespace. */
    @Override
    public Readiness readiness() {
        try {
            client.batch().v1().jobs().inNamespace(namespace).list(new ListOptionsBuilder().withLimit(1L).build());
            return new Readiness(true, "Kubernetes API answers; Jobs go to namespace " + namespace);
        } catch (KubernetesClientException e) {
            return new Readiness(false, "Kubernetes API does not let the runner list Jobs in namespace " + namespace
                    + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
        trees.close();
    }

    @Override
    public Execution run(Invocation invocation) {
        Path archive = invocation.sandbox().resolveSibling("tree-" + invocation.index() + ".tar.gz");
        try {
            TreeArchive.pack(invocation.sandbox(), archive);
        } catch (IOException e) {
            throw new CheckStartFailure("The tree could not be packed for the check's pod: " + e.getMessage(), e);
        }
        String token = trees.offer(archive, startTimeout);
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        String mark = "::codeagent-reports-" + HexFormat.of().formatHex(nonce) + "::";
        String name = CheckJobs.name(invocation.attempt(), invocation.index());
        Duration hold = invocation.timeout().plus(startTimeout).plus(SLACK);
        CacheClaims.CacheMount cache = caches.acquire(invocation, name, hold, line -> write(invocation, line + "\n"));
        Job job = jobs.job(invocation, treeBase + token, mark, cache);
        try {
            create(job);
            invocation.control().onCancel(() -> delete(name));
            Job finished = await(name, Duration.ofSeconds(job.getSpec().getActiveDeadlineSeconds()).plus(SLACK));
            if (invocation.control().cancelled()) {
                return Execution.cancelled();
            }
            if (finished == null) {
                throw new CheckInfrastructureFailure("Job " + name + " was deleted before it finished");
            }
            return outcome(finished, invocation, mark);
        } catch (KubernetesClientException e) {
            if (Thread.currentThread().isInterrupted() || invocation.control().cancelled()) {
                return Execution.cancelled();
            }
            throw new CheckStartFailure("The Kubernetes API failed while running the check: " + e.getMessage(), e);
        } finally {
            invocation.control().clear();
            trees.withdraw(token);
            delete(name);
            caches.release(cache, name);
            try {
                Files.deleteIfExists(archive);
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", archive, e.getMessage());
            }
        }
    }

    private void create(Job job) {
        try {
            client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
        } catch (KubernetesClientException e) {
            throw new CheckStartFailure("The Kubernetes API refused the check's Job: " + e.getMessage(), e);
        }
    }

    private Resource<Job> job(String name) {
        return client.batch().v1().jobs().inNamespace(namespace).withName(name);
    }

    /**
     * The Job once it completed or failed, or null when it was deleted (a cancel). Between two looks at the Job the
     * pod is looked at too: an image that cannot be pulled would otherwise wait for the deadline. The Job controller
     * ends the Job at its deadline; should it not (the controller is down), the runner gives up a little later.
     */
    private Job await(String name, Duration limit) {
        long giveUp = System.nanoTime() + limit.toNanos();
        while (true) {
            if (System.nanoTime() > giveUp) {
                throw new CheckInfrastructureFailure("Job " + name + " was not ended by the cluster within "
                        + limit.toSeconds() + " s, past its activeDeadlineSeconds");
            }
            try {
                return job(name).waitUntilCondition(job -> job == null || finished(job), POLL_SECONDS,
                        TimeUnit.SECONDS);
            } catch (KubernetesClientTimeoutException e) {
                pod(name).ifPresent(KubernetesExecutor::failIfNotStartable);
            }
        }
    }

    private static boolean finished(Job job) {
        return condition(job, "Complete") != null || condition(job, "Failed") != null;
    }

    private static JobCondition condition(Job job, String type) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return null;
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst().orElse(null);
    }

    private static void failIfNotStartable(Pod pod) {
        statuses(pod).forEach(status -> {
            ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
            if (waiting != null && START_FAILURES.contains(waiting.getReason())) {
                throw new CheckStartFailure("The " + status.getName() + " container of the check's pod cannot start ("
                        + waiting.getReason() + ", image " + status.getImage() + "): " + waiting.getMessage(), null);
            }
        });
    }

    private static Stream<ContainerStatus> statuses(Pod pod) {
        if (pod.getStatus() == null) {
            return Stream.empty();
        }
        return Stream.concat(Stream.ofNullable(pod.getStatus().getInitContainerStatuses()).flatMap(List::stream),
                Stream.ofNullable(pod.getStatus().getContainerStatuses()).flatMap(List::stream));
    }

    private static Optional<ContainerStatus> status(Pod pod, String container) {
        return statuses(pod).filter(s -> container.equals(s.getName())).findFirst();
    }

    private static ContainerStateTerminated terminated(Pod pod, String container) {
        return status(pod, container).map(s -> s.getState() == null ? null : s.getState().getTerminated())
                .orElse(null);
    }

    private Optional<Pod> pod(String jobName) {
        return client.pods().inNamespace(namespace).withLabel(JOB_NAME_LABEL, jobName).list().getItems().stream()
                .max(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp() == null ? ""
                        : p.getMetadata().getCreationTimestamp()));
    }

    private Execution outcome(Job job, Invocation invocation, String mark) {
        String name = job.getMetadata().getName();
        JobCondition failed = condition(job, "Failed");
        Pod pod = pod(name).orElse(null);
        if (pod == null) {
            throw new CheckInfrastructureFailure("Job " + name + " ended without a pod"
                    + (failed == null ? "" : " (" + failed.getReason() + ": " + failed.getMessage() + ")"));
        }
        if (evicted(pod)) {
            throw new CheckInfrastructureFailure("the pod of Job " + name + " was evicted or preempted ("
                    + pod.getStatus().getReason() + ": " + pod.getStatus().getMessage() + ")");
        }
        ContainerStateTerminated fetched = terminated(pod, CheckJobs.FETCH);
        if (fetched != null && fetched.getExitCode() != null && fetched.getExitCode() != 0) {
            throw new CheckStartFailure("The tree could not be fetched into the check's pod (exit code "
                    + fetched.getExitCode() + "): " + tail(log(pod, CheckJobs.FETCH)), null);
        }
        ContainerStateTerminated checked = terminated(pod, CheckJobs.CHECK);
        boolean started = checked != null || status(pod, CheckJobs.CHECK)
                .map(s -> s.getState() != null && s.getState().getRunning() != null).orElse(false);
        if (started) {
            collect(pod, invocation, mark);
        }
        if (failed != null && "DeadlineExceeded".equals(failed.getReason())) {
            if (!started) {
                throw new CheckInfrastructureFailure("the pod of Job " + name + " did not start within "
                        + job.getSpec().getActiveDeadlineSeconds() + " s (CODEAGENT_RUNNER_POD_START_TIMEOUT)");
            }
            return Execution.timedOut();
        }
        if (checked == null || checked.getExitCode() == null) {
            throw new CheckInfrastructureFailure("the pod of Job " + name + " ended without the check's exit code"
                    + " (phase " + pod.getStatus().getPhase() + ")");
        }
        if ("OOMKilled".equals(checked.getReason())) {
            write(invocation, "\n[killed: out of memory (CODEAGENT_RUNNER_MEMORY)]\n");
        }
        return Execution.exited(checked.getExitCode());
    }

    /** Evicted by the kubelet, or marked for disruption (preemption, eviction API, node drain or loss). */
    private static boolean evicted(Pod pod) {
        if (pod.getStatus() == null) {
            return false;
        }
        return "Evicted".equals(pod.getStatus().getReason()) || Stream.ofNullable(pod.getStatus().getConditions())
                .flatMap(List::stream)
                .anyMatch(c -> "DisruptionTarget".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** The check's output into the run's log and its JUnit reports into the sandbox. */
    private void collect(Pod pod, Invocation invocation, String mark) {
        ReportBlockFilter filter = new ReportBlockFilter(invocation.output(), mark, MAX_REPORT_BLOCK);
        try (InputStream in = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName())
                .inContainer(CheckJobs.CHECK).getLogInputStream()) {
            in.transferTo(filter);
            filter.flush();
        } catch (IOException e) {
            write(invocation, "\n[the pod's log could not be read to its end: " + e.getMessage() + "]\n");
        }
        byte[] reports = filter.reports();
        if (reports == null) {
            if (filter.problem() != null) {
                write(invocation, "\n[" + filter.problem() + "]\n");
            }
            return;
        }
        try {
            TreeArchive.unpackReports(new ByteArrayInputStream(reports), invocation.sandbox(), MAX_REPORT_BYTES);
        } catch (IOException e) {
            write(invocation, "\n[the JUnit reports the pod sent could not be unpacked: " + e.getMessage() + "]\n");
        }
    }

    private String log(Pod pod, String container) {
        try {
            return client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).inContainer(container)
                    .getLog();
        } catch (KubernetesClientException e) {
            return "(its log could not be read: " + e.getMessage() + ")";
        }
    }

    private static String tail(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.length() > 500 ? "…" + trimmed.substring(trimmed.length() - 500) : trimmed;
    }

    private static void write(Invocation invocation, String text) {
        try {
            invocation.output().write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(String name) {
        try {
            job(name).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            // The Job's ttlSecondsAfterFinished removes it all the same.
            log.warn("Could not delete Job {}: {}", name, e.getMessage());
        }
    }
}
