package dev.codeagent.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.gateway.FakeOrchestrator;
import dev.codeagent.gateway.metrics.GatewayMetrics;
import dev.codeagent.platform.PlatformProperties;
import dev.codeagent.platform.web.CorrelationId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The hand-off's own HTTP transport against a loopback orchestrator. */
class OrchestratorClientTest {

    private static final String TOKEN = "test-internal-token-0123456789";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void sendsTheCommandWithTokenKeyAndCorrelationId() throws Exception {
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(TOKEN);
                OrchestratorClient client = client(orchestrator.url());
                CorrelationId.Scope ignored = CorrelationId.open("corr-123")) {
            StartJobRequest request = request(7);
            HandoffResult first = client.start(request);
            HandoffResult again = client.start(request);

            assertThat(first).isInstanceOf(HandoffResult.Created.class);
            assertThat(again).isInstanceOf(HandoffResult.Existing.class);
            assertThat(((HandoffResult.Existing) again).jobId()).isEqualTo(((HandoffResult.Created) first).jobId());
            FakeOrchestrator.Received received = orchestrator.receivedFor(request.idempotencyKey()).get(0);
            assertThat(received.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(received.idempotencyKey()).isEqualTo(request.idempotencyKey());
            assertThat(received.corrId()).isEqualTo("corr-123");
            assertThat(received.body().path("commentUpdatedAt").asString()).isEqualTo("2026-11-20T09:14:03.217Z");
        }
    }

    @Test
    void aPooledConnectionToAnOrchestratorThatRestartedCostsAtMostARetry() throws Exception {
        FakeOrchestrator before = new FakeOrchestrator(TOKEN);
        int port = before.port();
        try (OrchestratorClient client = client(before.url())) {
            assertThat(client.start(request(1))).isInstanceOf(HandoffResult.Created.class);
            before.close();
            try (FakeOrchestrator after = new FakeOrchestrator(TOKEN, port)) {
                // The pooled connection died with the old server: the command still gets through.
                assertThat(client.start(request(2))).isInstanceOf(HandoffResult.Created.class);
                assertThat(client.start(request(3))).isInstanceOf(HandoffResult.Created.class);
                assertThat(after.jobsCreated()).isEqualTo(2);
            }
        } finally {
            before.close();
        }
    }

    @Test
    void refusedConnectionsAreRetriedThenUnavailable() throws Exception {
        int port;
        try (FakeOrchestrator gone = new FakeOrchestrator(TOKEN)) {
            port = gone.port();
        }
        try (OrchestratorClient client = client("http://127.0.0.1:" + port)) {
            HandoffResult result = client.start(request(1));
            assertThat(result).isInstanceOf(HandoffResult.Unavailable.class);
            assertThat(meters.get("codeagent.gateway.handoff.errors").tag("reason", "connect").counter().count())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void readsChunkedAnswersAndRefusesOversizedOnes() throws Exception {
        // Spring MVC (the real orchestrator) answers with chunked transfer encoding.
        String answer = "{\"id\":\"job-1\",\"statusQueryGetUri\":\"http://o/api/orchestrators/job-1\","
                + "\"created\":true}";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/api/orchestrators/edit-variants", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean huge = exchange.getRequestHeaders().getFirst("Idempotency-Key").endsWith("/comment/2");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(huge ? ("{\"id\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8)
                        : answer.getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        try (OrchestratorClient client = client("http://127.0.0.1:" + server.getAddress().getPort())) {
            assertThat(client.start(request(1))).isEqualTo(
                    new HandoffResult.Created("job-1", "http://o/api/orchestrators/job-1"));
            assertThat(client.start(request(2))).isInstanceOf(HandoffResult.Unavailable.class);
            assertThat(meters.get("codeagent.gateway.handoff.errors").tag("reason", "invalid-answer").counter()
                    .count()).isGreaterThanOrEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theStartPathKeepsTheBaseUrlsPath() {
        assertThat(OrchestratorClient.startPath(URI.create("http://orchestrator:7071")))
                .isEqualTo("/api/orchestrators/edit-variants");
        assertThat(OrchestratorClient.startPath(URI.create("http://proxy/orchestrator/")))
                .isEqualTo("/orchestrator/api/orchestrators/edit-variants");
    }

    private OrchestratorClient client(String url) {
        PlatformProperties platform = new PlatformProperties(TOKEN, PlatformProperties.InternalAuth.TOKEN, List.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        HandoffProperties handoff = new HandoffProperties(URI.create(url), Duration.ofSeconds(2),
                Duration.ofMillis(4500), Duration.ofSeconds(10));
        return new OrchestratorClient(platform, handoff, JsonMapper.builder().build(), new GatewayMetrics(meters));
    }

    private static StartJobRequest request(long commentId) {
        RepositoryRef repository = new RepositoryRef(RepositoryRef.LOCAL, "local", "local", "demo", null);
        return new StartJobRequest(StartJobRequest.keyOf(repository, 1, 1, commentId), repository, 1, 1, commentId,
                null, new Author("u1", "someone@example.com", "Someone"), CommandKind.EDIT, "rename it", 2, null,
                "refs/heads/feature", "refs/heads/main", null, "delivery-1", Instant.parse("2026-11-20T09:14:03.217Z"));
    }
}
