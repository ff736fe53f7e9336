package dev.codeagent.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.contracts.check.CheckStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Container isolation against a real engine: Podman's Docker-compatible socket (or Docker's). Skipped when no socket
 * answers or the test image is missing; no registry is pulled. Start one with
 * {@code podman system service --time=0 unix:///tmp/runner-podman.sock} and build the image from a static busybox
 * ({@code tar -C rootfs -c . | podman import - localhost/codeagent-runner-test:1}), or name others with
 * {@code CODEAGENT_RUNNER_IT_DOCKER_HOST} and {@code CODEAGENT_RUNNER_IT_IMAGE}. The image's {@code /tmp} must be
 * mode 1777 as in public images: Podman copies it onto the tmpfs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "codeagent.platform.internal-token=" + ContainerIsolationIT.TOKEN,
        "codeagent.runner.isolation=container",
        "codeagent.runner.cpus=1",
        "codeagent.runner.memory=256MB",
        "codeagent.runner.pids=128"})
class ContainerIsolationIT {

    static final String TOKEN = "runner-container-token-0123456789";
    static final String HOST = setting("CODEAGENT_RUNNER_IT_DOCKER_HOST", "unix:///tmp/runner-podman.sock");
    static final String IMAGE = setting("CODEAGENT_RUNNER_IT_IMAGE", "localhost/codeagent-runner-test:1");
    static final AtomicInteger COMMITS = new AtomicInteger(1000);
    static FakeAdapter adapter;
    static DockerClient docker;

    @TempDir
    static Path work;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void engine() throws Exception {
        assumeTrue(!HOST.startsWith("unix://") || Files.exists(Path.of(URI.create(HOST).getPath())),
                "no container engine socket at " + HOST);
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(HOST).build();
        docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(Duration.ofSeconds(5)).build());
        try {
            docker.pingCmd().exec();
            docker.inspectImageCmd(IMAGE).exec();
        } catch (RuntimeException e) {
            assumeTrue(false, "container engine or image " + IMAGE + " not available: " + e.getMessage());
        }
        adapter = new FakeAdapter(TOKEN);
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (docker != null) {
            docker.listVolumesCmd().withFilter("label", List.of("dev.codeagent.cache")).exec().getVolumes()
                    .forEach(volume -> docker.removeVolumeCmd(volume.getName()).exec());
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("codeagent.runner.adapter-url", () -> adapter == null ? "http://127.0.0.1:9" : adapter.url());
        registry.add("codeagent.runner.docker-host", () -> HOST);
        registry.add("codeagent.runner.work-dir", () -> work.resolve("sandboxes").toString());
    }

    @Test
    void checksRunAsNonRootOnAReadOnlyImageWithoutNetworkAndKeepTheirCache() throws Exception {
        CheckRunResult result = run("container-net", Map.of(".codeagent.yml", """
                checks:
                  - name: sandbox
                    run: test "$(id -u)" != 0 && ! touch /etc/x 2>/dev/null && echo t > /tmp/t && echo built > out.txt && touch "$npm_config_cache/kept" && echo inside
                  - name: network
                    run: wget -T 5 -q -O- http://1.1.1.1/ || nc -w 5 1.1.1.1 80 </dev/null
                image: %s
                cache: npm
                """.formatted(IMAGE)));

        assertThat(result.isolation()).isEqualTo("container");
        assertThat(result.image()).isEqualTo(IMAGE);
        assertThat(result.checks()).as(result.log()).extracting(CheckOutcome::status)
                .containsExactly(CheckStatus.PASSED, CheckStatus.FAILED);
        assertThat(result.log()).contains("inside");
        assertThat(result.passed()).isFalse();
        assertLeftNoContainer();
    }

    @Test
    void aCheckSleepingPastItsTimeoutIsKilledAndReported() throws Exception {
        CheckRunResult result = run("container-timeout", Map.of(".codeagent.yml", """
                checks:
                  - name: hang
                    run: echo sleeping && sleep 300
                image: %s
                timeout: 3s
                """.formatted(IMAGE)));

        CheckOutcome hang = result.checks().get(0);
        assertThat(hang.status()).as(result.log()).isEqualTo(CheckStatus.TIMED_OUT);
        assertThat(hang.errors()).first().asString().startsWith("Killed after 3 s");
        assertThat(hang.durationMs()).isLessThan(300_000);
        assertThat(result.log()).contains("sleeping");
        assertLeftNoContainer();
    }

    private void assertLeftNoContainer() {
        assertThat(docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of("dev.codeagent.run")).exec()).isEmpty();
    }

    private CheckRunResult run(String runId, Map<String, String> files) throws Exception {
        String commit = String.format("%040x", COMMITS.incrementAndGet());
        adapter.tree(commit, files);
        String body = """
                {"runId":"%s","k":1,"round":0,"commit":"%s",
                 "repository":{"provider":"local","organization":"local","project":"local","repository":"demo"}}
                """.formatted(runId, commit);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/checks/runs"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), CheckRunResult.class);
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
