package dev.codeagent.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.codeagent.runner.config.Isolation;
import dev.codeagent.runner.config.RunnerProperties;
import dev.codeagent.runner.exec.CheckInfrastructureFailure;
import dev.codeagent.runner.exec.CheckStartFailure;
import dev.codeagent.runner.exec.Execution;
import dev.codeagent.runner.exec.Invocation;
import dev.codeagent.runner.exec.RunControl;
import dev.codeagent.runner.plan.CacheKind;
import dev.codeagent.runner.plan.CheckSpec;
import dev.codeagent.runner.report.CappedLog;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The Job lifecycle against fabric8's mock API server (CRUD mode, plus expectations for pod logs). The test plays
 * the cluster: it waits for the runner's Job, fetches the tree the way the init container does, creates the Job's
 * pod with the container statuses a kubelet would report, and sets the Job's conditions.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesExecutorTest {

    static final String NAMESPACE = "checks";
    /** Its own per test: the mock server's state may outlive a test. */
    final String attempt = "job-1-2-0-" + UUID.randomUUID().toString().substring(0, 8);

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path work;

    Path tree;
    TreeServer trees;
    KubernetesExecutor executor;
    CappedLog output;
    RunControl control;

    @BeforeEach
    void setUp() throws IOException {
        tree = Files.createDirectories(work.resolve("run").resolve("tree"));
        Files.writeString(tree.resolve("mvnw"), "#!/bin/sh\necho maven\n");
        Files.setPosixFilePermissions(tree.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(tree.resolve("src"));
        Files.writeString(tree.resolve("src/App.java"), "class App {}\n");
        trees = TreeServer.start(0, Clock.systemUTC());
        executor = new KubernetesExecutor(client, properties(), trees, "127.0.0.1");
        output = new CappedLog(64 * 1024);
        control = new RunControl();
    }

    @AfterEach
    void tearDown() {
        trees.close();
    }

    static RunnerProperties properties() {
        return properties(RunnerProperties.Kubernetes.Placement.DEFAULT, RunnerProperties.Kubernetes.Cache.NONE);
    }

    static RunnerProperties properties(RunnerProperties.Kubernetes.Placement placement,
            RunnerProperties.Kubernetes.Cache cache) {
        return new RunnerProperties("http://adapter", Isolation.KUBERNETES, "unix:///none", 2, Duration.ofMinutes(15),
                1.5, DataSize.ofGigabytes(4), 1024, 2, DataSize.ofKilobytes(256), "eclipse-temurin:17-jdk",
                Path.of("/tmp"), DataSize.ofGigabytes(1), 1000, null, Duration.ofSeconds(30),
                new RunnerProperties.Kubernetes(NAMESPACE, "busybox:1.37", 0, null, Duration.ofMinutes(5),
                        Duration.ofMinutes(10), "app.kubernetes.io/name=codeagent,app.kubernetes.io/instance=prod",
                        DataSize.ofGigabytes(10), placement, cache));
    }

    Invocation invocation(Duration timeout) {
        return new Invocation(attempt, 2, new CheckSpec("test", "./mvnw -B test",
                List.of("**/target/surefire-reports/TEST-*.xml")), tree, "eclipse-temurin:17-jdk", timeout,
                CacheKind.MAVEN, "cachekey", false, output, control);
    }

    CompletableFuture<Execution> start(Duration timeout) {
        return CompletableFuture.supplyAsync(() -> executor.run(invocation(timeout)));
    }

    String jobName() {
        return CheckJobs.name(attempt, 2);
    }

    Job awaitJob() {
        return client.batch().v1().jobs().inNamespace(NAMESPACE).withName(jobName())
                .waitUntilCondition(Objects::nonNull, 20, TimeUnit.SECONDS);
    }

    /** What the init container does: GET the tree once. */
    byte[] fetchTree(Job job) throws Exception {
        String url = job.getSpec().getTemplate().getSpec().getInitContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("CODEAGENT_TREE_URL")).findFirst().orElseThrow().getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    String podName() {
        return jobName() + "-x7k2p";
    }

    void pod(ContainerStatus fetch, ContainerStatus check, String reason, boolean disrupted) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(podName()).withNamespace(NAMESPACE)
                .addToLabels("job-name", jobName()).endMetadata()
                .withNewStatus().withPhase("Failed").withReason(reason)
                .withInitContainerStatuses(fetch).withContainerStatuses(check).endStatus();
        if (disrupted) {
            pod.editStatus().addNewCondition().withType("DisruptionTarget").withStatus("True")
                    .withReason("EvictionByEvictionAPI").endCondition().endStatus();
        }
        client.pods().inNamespace(NAMESPACE).resource(pod.build()).create();
    }

    static ContainerStatus exited(String name, int code) {
        return new ContainerStatusBuilder().withName(name).withNewState().withNewTerminated().withExitCode(code)
                .withReason(code == 0 ? "Completed" : "Error").endTerminated().endState().build();
    }

    static ContainerStatus running(String name) {
        return new ContainerStatusBuilder().withName(name).withNewState().withNewRunning().endRunning().endState()
                .build();
    }

    static ContainerStatus waiting(String name, String reason) {
        return new ContainerStatusBuilder().withName(name).withImage("registry.invalid/nothing:1").withNewState()
                .withNewWaiting().withReason(reason).withMessage("pull access denied").endWaiting().endState().build();
    }

    void podLog(String log) {
        server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + podName()
                + "/log?pretty=false&container=check").andReturn(200, log).always();
    }

    void finish(Job job, String type, String reason) {
        Job done = new JobBuilder(job).withNewStatus().addNewCondition().withType(type).withStatus("True")
                .withReason(reason).withMessage(reason + " happened").endCondition().endStatus().build();
        client.batch().v1().jobs().inNamespace(NAMESPACE).resource(done).updateStatus();
    }

    static String reportBlock(Job job) throws IOException {
        String mark = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("CODEAGENT_REPORTS_MARK")).findFirst().orElseThrow().getValue();
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(archive))) {
            byte[] xml = ("<testsuite><testcase classname=\"AppTest\" name=\"adds\"/><testcase classname=\"AppTest\""
                    + " name=\"fails\"><failure message=\"expected 3\"/></testcase></testsuite>")
                    .getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry report = new TarArchiveEntry("./target/surefire-reports/TEST-AppTest.xml");
            report.setSize(xml.length);
            tar.putArchiveEntry(report);
            tar.write(xml);
            tar.closeArchiveEntry();
            TarArchiveEntry escape = new TarArchiveEntry("../../outside.xml");
            escape.setSize(xml.length);
            tar.putArchiveEntry(escape);
            tar.write(xml);
            tar.closeArchiveEntry();
        }
        return mark + " begin\n" + Base64.getMimeEncoder().encodeToString(archive.toByteArray()) + "\n" + mark
                + " end\n";
    }

    boolean jobDeleted() {
        return client.batch().v1().jobs().inNamespace(NAMESPACE).withName(jobName()).get() == null;
    }

    @Test
    void successRunsTheCheckAsARestrictedJobAndBringsBackItsOutputAndReports() throws Exception {
        CompletableFuture<Execution> run = start(Duration.ofMinutes(15));
        Job job = awaitJob();

        Map<String, Integer> modes = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new ByteArrayInputStream(fetchTree(job))))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                modes.put(entry.getName(), entry.getMode() & 0777);
            }
        }
        assertThat(modes).containsEntry("mvnw", 0755).containsEntry("src/App.java", 0644).containsKey("src/");
        String url = job.getSpec().getTemplate().getSpec().getInitContainers().get(0).getEnv().get(0).getValue();
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("the token is for one fetch").isEqualTo(404);

        podLog("[INFO] Tests run: 2, Failures: 1\n" + reportBlock(job) + "[INFO] BUILD FAILURE\n");
        pod(exited("fetch", 0), exited("check", 0), null, false);
        finish(job, "Complete", "CompletionsReached");

        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(Execution.exited(0));
        assertThat(output.text()).isEqualTo("[INFO] Tests run: 2, Failures: 1\n[INFO] BUILD FAILURE\n");
        assertThat(tree.resolve("target/surefire-reports/TEST-AppTest.xml")).exists();
        assertThat(work.resolve("outside.xml")).doesNotExist();
        assertThat(work.resolve("run/tree-2.tar.gz")).as("the packed tree is removed").doesNotExist();
        assertThat(jobDeleted()).isTrue();

        assertRestricted(job);
    }

    void assertRestricted(Job job) {
        assertThat(job.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "check")
                .containsEntry("app.kubernetes.io/instance", "prod").doesNotContainKey("codeagent.dev/network");
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).as("timeout + pod start").isEqualTo(20 * 60L);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/component", "check");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).isFalse();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getHostNetwork()).isNull();
        PodSecurityContext podSecurity = pod.getSecurityContext();
        assertThat(podSecurity.getRunAsNonRoot()).isTrue();
        assertThat(podSecurity.getRunAsUser()).isEqualTo(65534L);
        assertThat(podSecurity.getRunAsGroup()).isEqualTo(65534L);
        assertThat(podSecurity.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        List<Container> containers = new ArrayList<>(pod.getInitContainers());
        containers.addAll(pod.getContainers());
        assertThat(containers).extracting(Container::getName).containsExactly("fetch", "check");
        for (Container container : containers) {
            SecurityContext security = container.getSecurityContext();
            assertThat(security.getRunAsNonRoot()).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getReadOnlyRootFilesystem()).isTrue();
            assertThat(security.getPrivileged()).isNull();
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        }
        Container check = pod.getContainers().get(0);
        assertThat(check.getImage()).isEqualTo("eclipse-temurin:17-jdk");
        assertThat(check.getResources().getLimits()).containsEntry("cpu", new Quantity("1.5"))
                .containsEntry("memory", new Quantity(String.valueOf(DataSize.ofGigabytes(4).toBytes())));
        assertThat(check.getResources().getRequests()).isEqualTo(check.getResources().getLimits());
        assertThat(check.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("CODEAGENT_CHECK_COMMAND");
            assertThat(e.getValue()).isEqualTo("./mvnw -B test");
        });
        assertThat(check.getEnv()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("MAVEN_OPTS"));
        assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
        assertThat(pod.getNodeSelector()).isNullOrEmpty();
        assertThat(pod.getTolerations()).isNullOrEmpty();
        assertThat(pod.getRuntimeClassName()).isNull();
        assertThat(pod.getPriorityClassName()).isNull();
        assertThat(pod.getImagePullSecrets()).isNullOrEmpty();
        assertThat(client.leases().inNamespace(NAMESPACE).list().getItems()).as("no kept cache, no lease").isEmpty();
    }

    @Test
    void placementAndTheRepositorysCacheClaimReachThePodAndTheClaimIsFreedAfterTheCheck() throws Exception {
        executor = new KubernetesExecutor(client, properties(
                new RunnerProperties.Kubernetes.Placement("node-pool=checks,kubernetes.io/arch=amd64",
                        "dedicated=checks:NoSchedule,sandbox.gke.io/runtime", "gvisor", "registry-pull,mirror-pull",
                        "codeagent-checks", "sidecar.istio.io/inject=false,example.com/owner=platform team"),
                new RunnerProperties.Kubernetes.Cache(RunnerProperties.Kubernetes.CacheMode.CLAIM_PER_REPOSITORY, "",
                        "fast-ssd", DataSize.ofGigabytes(20), "ReadWriteOnce")), trees, "127.0.0.1");
        CompletableFuture<Execution> run = start(Duration.ofMinutes(15));
        Job job = awaitJob();
        String claim = "codeagent-cache-cachekey-maven";
        assertThat(client.leases().inNamespace(NAMESPACE).withName(claim).get().getSpec().getHolderIdentity())
                .as("a ReadWriteOnce claim is held while its check runs").isEqualTo(jobName());
        fetchTree(job);
        podLog("[INFO] BUILD SUCCESS\n");
        pod(exited("fetch", 0), exited("check", 0), null, false);
        finish(job, "Complete", "CompletionsReached");
        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(Execution.exited(0));

        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getNodeSelector()).containsExactlyEntriesOf(
                Map.of("node-pool", "checks", "kubernetes.io/arch", "amd64"));
        assertThat(pod.getTolerations()).extracting(t -> t.getKey(), t -> t.getOperator(), t -> t.getValue(),
                t -> t.getEffect()).containsExactly(
                        tuple("dedicated", "Equal", "checks", "NoSchedule"),
                        tuple("sandbox.gke.io/runtime", "Exists", null, null));
        assertThat(pod.getRuntimeClassName()).isEqualTo("gvisor");
        assertThat(pod.getPriorityClassName()).isEqualTo("codeagent-checks");
        assertThat(pod.getImagePullSecrets()).extracting(r -> r.getName()).containsExactly("registry-pull",
                "mirror-pull");
        assertThat(job.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("sidecar.istio.io/inject", "false")
                .containsEntry("example.com/owner", "platform team");
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("codeagent.dev/cache", claim)
                .containsEntry("app.kubernetes.io/component", "check");
        assertThat(pod.getSecurityContext().getFsGroupChangePolicy()).isEqualTo("OnRootMismatch");
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("cache")).singleElement()
                .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo(claim));
        assertThat(pod.getContainers().get(0).getVolumeMounts()).filteredOn(m -> m.getName().equals("cache"))
                .singleElement().satisfies(m -> {
                    assertThat(m.getMountPath()).isEqualTo("/cache");
                    assertThat(m.getSubPath()).isNull();
                });
        assertThat(pod.getInitContainers().get(0).getVolumeMounts()).extracting(m -> m.getName())
                .containsExactly("workspace");

        PersistentVolumeClaim created = client.persistentVolumeClaims().inNamespace(NAMESPACE).withName(claim).get();
        assertThat(created.getSpec().getStorageClassName()).isEqualTo("fast-ssd");
        assertThat(created.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(created.getSpec().getResources().getRequests().get("storage").getNumericalAmount())
                .isEqualByComparingTo(BigDecimal.valueOf(DataSize.ofGigabytes(20).toBytes()));
        assertThat(created.getMetadata().getLabels()).containsEntry("codeagent.dev/cache", "maven")
                .containsEntry("app.kubernetes.io/managed-by", "codeagent-runner")
                .containsEntry("app.kubernetes.io/instance", "prod");
        assertThat(client.leases().inNamespace(NAMESPACE).withName(claim).get())
                .as("the claim is free for the next check").isNull();
        assertThat(jobDeleted()).isTrue();
    }

    @Test
    void aCheckThatFindsItsRepositorysReadWriteOnceClaimInUseRunsAtOnceWithAnEmptyCacheAndSaysSo() throws Exception {
        String claim = "codeagent-cache-cachekey-maven";
        client.leases().inNamespace(NAMESPACE).resource(new LeaseBuilder().withNewMetadata().withName(claim)
                .endMetadata().withNewSpec().withHolderIdentity("codeagent-check-other-1").withLeaseDurationSeconds(1800)
                .withRenewTime(ZonedDateTime.now()).endSpec().build()).create();
        executor = new KubernetesExecutor(client, properties(RunnerProperties.Kubernetes.Placement.DEFAULT,
                new RunnerProperties.Kubernetes.Cache(RunnerProperties.Kubernetes.CacheMode.CLAIM_PER_REPOSITORY, "",
                        "", DataSize.ofGigabytes(10), "ReadWriteOnce")), trees, "127.0.0.1");
        CompletableFuture<Execution> run = start(Duration.ofMinutes(15));
        Job job = awaitJob();
        fetchTree(job);
        podLog("[INFO] BUILD SUCCESS\n");
        pod(exited("fetch", 0), exited("check", 0), null, false);
        finish(job, "Complete", "CompletionsReached");

        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(Execution.exited(0));
        assertThat(output.text()).startsWith("[cache: the maven cache of this repository (claim " + claim
                + ", ReadWriteOnce) is in use by another check; this check runs with an empty cache]\n");
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("cache")).singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("codeagent.dev/cache");
        assertThat(client.leases().inNamespace(NAMESPACE).withName(claim).get().getSpec().getHolderIdentity())
                .as("the other check keeps its claim").isEqualTo("codeagent-check-other-1");
        client.leases().inNamespace(NAMESPACE).withName(claim).delete();
    }

    @Test
    void settingsTheApiServerWouldRefuseStopTheExecutorAtStartWithTheVariablesName() {
        RunnerProperties badSelector = properties(new RunnerProperties.Kubernetes.Placement("node-pool", "", "", "",
                "", ""), RunnerProperties.Kubernetes.Cache.NONE);
        assertThatThrownBy(() -> new KubernetesExecutor(client, badSelector, trees, "127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CODEAGENT_RUNNER_K8S_NODE_SELECTOR: \"node-pool\" is not key=value");
        RunnerProperties noClaim = properties(RunnerProperties.Kubernetes.Placement.DEFAULT,
                new RunnerProperties.Kubernetes.Cache(RunnerProperties.Kubernetes.CacheMode.SHARED_CLAIM, "", "",
                        DataSize.ofGigabytes(10), "ReadWriteMany"));
        assertThatThrownBy(() -> new KubernetesExecutor(client, noClaim, trees, "127.0.0.1"))
                .hasMessageContaining("CODEAGENT_RUNNER_K8S_CACHE_CLAIM");
    }

    @Test
    void failureReportsTheCheckContainersExitCode() throws Exception {
        CompletableFuture<Execution> run = start(Duration.ofMinutes(15));
        Job job = awaitJob();
        fetchTree(job);
        podLog("[ERROR] App.java:[3,1] cannot find symbol\n");
        pod(exited("fetch", 0), exited("check", 1), null, false);
        finish(job, "Failed", "BackoffLimitExceeded");

        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(Execution.exited(1));
        assertThat(output.text()).contains("cannot find symbol");
        assertThat(jobDeleted()).isTrue();
    }

    @Test
    void deadlineExceededIsATimeout() throws Exception {
        CompletableFuture<Execution> run = start(Duration.ofSeconds(30));
        Job job = awaitJob();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(30 + 5 * 60L);
        fetchTree(job);
        podLog("sleeping\n");
        pod(exited("fetch", 0), running("check"), "DeadlineExceeded", false);
        finish(job, "Failed", "DeadlineExceeded");

        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(Execution.timedOut());
        assertThat(output.text()).isEqualTo("sleeping\n");
        assertThat(jobDeleted()).isTrue();
    }

    @Test
    void anEvictedPodIsAnInfrastructureFailureNotATestFailure() throws Exception {
        CompletableFuture<Execution> run = start(Duration.ofMinutes(15));
        Job job = awaitJob();
        fetchTree(job);
        pod(exited("fetch", 0), exited("check", 137), "Evicted", true);
        finish(job, "Failed", "BackoffLimitExceeded");

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CheckInfrastructureFailure.class).hasMessageContaining("evicted");
        assertThat(jobDeleted()).isTrue();
    }

    @Test
    void anImageThatCannotBePulledIsAStartFailure() throws Exception {
        CompletableFuture<Execution> run = start(Duration.ofMinutes(15));
        Job job = awaitJob();
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(podName()).withNamespace(NAMESPACE)
                .addToLabels("job-name", jobName()).endMetadata()
                .withNewStatus().withPhase("Pending").withInitContainerStatuses(exited("fetch", 0))
                .withContainerStatuses(waiting("check", "ImagePullBackOff")).endStatus();
        client.pods().inNamespace(NAMESPACE).resource(pod.build()).create();

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CheckStartFailure.class).hasMessageContaining("ImagePullBackOff")
                .hasMessageContaining("registry.invalid/nothing:1");
        assertThat(job).isNotNull();
        assertThat(jobDeleted()).isTrue();
    }

    @Test
    void cancellationDeletesTheJob() throws Exception {
        CompletableFuture<Execution> run = start(Duration.ofMinutes(15));
        awaitJob();
        control.cancel();

        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(Execution.cancelled());
        assertThat(jobDeleted()).isTrue();
    }

    @Test
    void networkRequestedChecksAreLabelledForTheOperatorsPolicy() {
        Invocation networked = new Invocation(attempt, 1, new CheckSpec("build", "npm ci", List.of()), tree,
                "node:22", Duration.ofMinutes(1), null, "k", true, output, control);
        Job job = new CheckJobs(properties()).job(networked, "http://127.0.0.1:1/trees/t", "::m::", null);
        assertThat(job.getMetadata().getLabels()).containsEntry("codeagent.dev/network", "requested");
        assertThat(job.getSpec().getTemplate().getSpec().getVolumes()).extracting(v -> v.getName())
                .containsExactly("workspace", "tmp");
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand().get(2))
                .doesNotContain("CODEAGENT_REPORTS_MARK begin");
    }

    @Test
    void reportGlobsBecomeFindPatternsThatAreNeverNarrower() {
        assertThat(CheckJobs.findPattern("**/target/surefire-reports/TEST-*.xml"))
                .isEqualTo("*target/surefire-reports/TEST-*.xml");
        assertThat(CheckJobs.findPattern("build/test-results/**/TEST-*.xml")).isEqualTo("build/test-results/*TEST-*.xml");
        assertThat(CheckJobs.findPattern("reports/{unit,it}/*.xml")).isEqualTo("reports/*/*.xml");
        assertThat(CheckJobs.script(List.of("it's/*.xml"))).contains("-path './it'\\''s/*.xml'");
    }
}
