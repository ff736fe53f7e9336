package dev.codeagent.healthmonitor.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.healthmonitor.support.FakeHttpServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docker-java against a loopback server answering in the Docker Engine API's documented shapes (the same routes
 * Podman's compatible API serves): the containers with the project's label are found, a paused one is resumed, and
 * each is restarted with the stop timeout.
 */
class DockerContainerRuntimeIT {

    static final String CONTAINERS = """
            [{"Id":"aaa111","Names":["/codeagent-adapter-1"],"Image":"codeagent/adapter","State":"running",
              "Status":"Up 3 hours","Labels":{"dev.codeagent.service":"adapter"}},
             {"Id":"bbb222","Names":["/codeagent-adapter-2"],"Image":"codeagent/adapter","State":"paused",
              "Status":"Up 3 hours (Paused)","Labels":{"dev.codeagent.service":"adapter"}}]""";

    final FakeHttpServer docker = new FakeHttpServer(r -> {
        if (r.method().equals("GET") && r.uri().contains("/containers/json")) {
            return FakeHttpServer.Reply.json(200, CONTAINERS);
        }
        if (r.method().equals("POST") && (r.uri().contains("/restart") || r.uri().contains("/unpause"))) {
            return new FakeHttpServer.Reply(204, "text/plain", "");
        }
        return FakeHttpServer.Reply.json(404, "{\"message\":\"no such route\"}");
    });

    @AfterEach
    void stop() {
        docker.close();
    }

    @Test
    void restartsEveryContainerLabelledWithTheService() throws Exception {
        docker.start();
        try (DockerContainerRuntime runtime = new DockerContainerRuntime("tcp://127.0.0.1:" + docker.port(),
                Duration.ofSeconds(7))) {
            assertThat(runtime.restart("adapter")).containsExactly("codeagent-adapter-1", "codeagent-adapter-2");
        }

        List<FakeHttpServer.Received> calls = docker.received();
        String list = URLDecoder.decode(calls.get(0).uri(), StandardCharsets.UTF_8);
        assertThat(list).contains("/containers/json").contains("all=true")
                .contains("\"label\":[\"dev.codeagent.service=adapter\"]");
        assertThat(calls.stream().skip(1).map(c -> c.method() + " " + c.uri().replaceFirst("^/v[0-9.]+", "")))
                .containsExactly("POST /containers/aaa111/restart?t=7", "POST /containers/bbb222/unpause",
                        "POST /containers/bbb222/restart?t=7");
    }

    @Test
    void aServiceWithoutContainersRestartsNothing() throws Exception {
        docker.respondWith(r -> FakeHttpServer.Reply.json(200, "[]"));
        docker.start();
        try (DockerContainerRuntime runtime = new DockerContainerRuntime("tcp://127.0.0.1:" + docker.port(),
                Duration.ofSeconds(7))) {
            assertThat(runtime.restart("gateway")).isEmpty();
        }
        assertThat(docker.received()).hasSize(1);
    }
}
