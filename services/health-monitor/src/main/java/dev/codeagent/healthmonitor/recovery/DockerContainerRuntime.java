package dev.codeagent.healthmonitor.recovery;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker Engine API (or Podman's Docker-compatible one) through docker-java. Restarting a container stops it with
 * SIGTERM and, after the stop timeout, SIGKILL — which also ends a process frozen by SIGSTOP — then starts it again.
 */
public final class DockerContainerRuntime implements ContainerRuntime, Closeable {

    private static final Logger log = LoggerFactory.getLogger(DockerContainerRuntime.class);

    private final DockerClient docker;
    private final int stopTimeoutSeconds;

    public DockerContainerRuntime(String dockerHost, Duration stopTimeout) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (dockerHost != null && !dockerHost.isBlank()) {
            builder.withDockerHost(dockerHost.strip());
        }
        DockerClientConfig config = builder.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(stopTimeout.plusSeconds(60))
                .build();
        this.docker = DockerClientImpl.getInstance(config, http);
        this.stopTimeoutSeconds = (int) Math.max(1, stopTimeout.toSeconds());
    }

    @Override
    public List<String> restart(String service) {
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(RecoveryProperties.LABEL, service)).exec();
        List<String> restarted = new ArrayList<>();
        for (Container container : containers) {
            if ("paused".equals(container.getState())) {
                try {
                    docker.unpauseContainerCmd(container.getId()).exec();
                } catch (DockerException e) {
                    // A socket proxy that allows restarts only (ALLOW_RESTARTS) refuses it; the engine's restart
                    // then has to end the frozen container itself.
                    log.debug("Could not unpause {}: {}", name(container), e.getMessage());
                }
            }
            docker.restartContainerCmd(container.getId()).withTimeout(stopTimeoutSeconds).exec();
            restarted.add(name(container));
        }
        return restarted;
    }

    private static String name(Container container) {
        String[] names = container.getNames();
        if (names == null || names.length == 0) {
            return container.getId().substring(0, Math.min(12, container.getId().length()));
        }
        return names[0].startsWith("/") ? names[0].substring(1) : names[0];
    }

    @Override
    public void close() throws IOException {
        docker.close();
    }
}
