package dev.codeagent.healthmonitor.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real container engine: a container labelled like the project's, frozen with {@code pause}, is restarted by
 * {@link DockerContainerRuntime} and runs again. Needs a Podman (or Docker) socket —
 * {@code CODEAGENT_TEST_PODMAN_SOCKET} (default {@code /tmp/chaos-podman.sock}, e.g. from
 * {@code podman system service --time=0 unix:///tmp/chaos-podman.sock}) — and a local image that runs a long
 * command, {@code CODEAGENT_TEST_PODMAN_IMAGE} with {@code CODEAGENT_TEST_PODMAN_COMMAND} (default
 * {@code sleep 3600}); nothing is pulled. Skipped without them.
 */
class PodmanRecoveryIT {

    final String socket = Objects.requireNonNullElse(System.getenv("CODEAGENT_TEST_PODMAN_SOCKET"),
            "/tmp/chaos-podman.sock");
    final String image = System.getenv("CODEAGENT_TEST_PODMAN_IMAGE");
    final String service = "recovery-it-" + UUID.randomUUID().toString().substring(0, 8);
    DockerClient docker;
    String container;

    @BeforeEach
    void engine() {
        assumeTrue(Files.exists(Path.of(socket)), "no container engine socket at " + socket);
        assumeTrue(image != null && !image.isBlank(), "CODEAGENT_TEST_PODMAN_IMAGE names no local image");
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("unix://" + socket).build();
        docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).responseTimeout(Duration.ofMinutes(2)).build());
    }

    @AfterEach
    void remove() throws Exception {
        if (container != null) {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    void aPausedContainerWithTheLabelIsRestartedAndRunsAgain() throws Exception {
        String command = Objects.requireNonNullElse(System.getenv("CODEAGENT_TEST_PODMAN_COMMAND"), "sleep 3600");
        container = docker.createContainerCmd(image).withName(service).withCmd(command.split(" "))
                .withLabels(Map.of(RecoveryProperties.LABEL, service)).exec().getId();
        docker.startContainerCmd(container).exec();
        String startedBefore = docker.inspectContainerCmd(container).exec().getState().getStartedAt();
        docker.pauseContainerCmd(container).exec();
        assertThat(docker.inspectContainerCmd(container).exec().getState().getPaused()).isTrue();

        try (DockerContainerRuntime runtime = new DockerContainerRuntime("unix://" + socket, Duration.ofSeconds(2))) {
            assertThat(runtime.restart(service)).containsExactly(service);
        }

        InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(container).exec().getState();
        assertThat(state.getRunning()).isTrue();
        assertThat(state.getPaused()).isFalse();
        assertThat(state.getStartedAt()).isNotEqualTo(startedBefore);
    }
}
