package dev.codeagent.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.gateway.Fixtures;
import dev.codeagent.gateway.GatewayClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HTTP Basic authentication, rate limits and an orchestrator that is not there at all (connection
 * refused): commands are answered 503 until the per-author limit turns them into 429.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "codeagent.platform.internal-token=it-internal-token-0123456789",
        "codeagent.webhook.username=ado-hook",
        "codeagent.webhook.password=p4ss:word",
        "codeagent.rate-limit.per-author=3",
        "codeagent.rate-limit.per-repository=100",
        "codeagent.rate-limit.window=10m",
        "codeagent.handoff.retry-after=12s"})
class RateLimitAndOutageIT {

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("ado-hook:p4ss:word".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void nobodyListening(DynamicPropertyRegistry registry) {
        registry.add("codeagent.handoff.orchestrator-url", () -> "http://127.0.0.1:" + freePort());
    }

    @Test
    void unreachableOrchestratorIs503ThenTheAuthorLimitIs429() {
        GatewayClient gateway = new GatewayClient(port);
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> response = gateway.post("/webhook/ado",
                    Fixtures.json(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 100 + i)), "Authorization", BASIC);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("12");
        }
        // Ordinary comments do not count against the limit.
        assertThat(gateway.post("/webhook/ado", new String(Fixtures.bytes(Fixtures.PLAIN_REPLY)),
                "Authorization", BASIC).statusCode()).isEqualTo(200);

        HttpResponse<String> limited = gateway.post("/webhook/ado",
                Fixtures.json(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 104)), "Authorization", BASIC);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 600L));
        assertThat(limited.body()).contains("problems/rate-limited").contains("author");

        // Another author in the same repository is not limited (and meets the outage instead).
        String other = Fixtures.json(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 105))
                .replace("2c9d1e7f-6a4b-4d3c-9e8f-0a1b2c3d4e5f", "0000aaaa-0000-4000-8000-000000000001");
        assertThat(gateway.post("/webhook/ado", other, "Authorization", BASIC).statusCode()).isEqualTo(503);
    }

    @Test
    void basicCredentialsAreRequired() {
        GatewayClient gateway = new GatewayClient(port);
        String body = new String(Fixtures.bytes(Fixtures.PLAIN_REPLY));
        HttpResponse<String> missing = gateway.post("/webhook/ado", body);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic realm=\"codeagent-webhook\""));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("ado-hook:nope".getBytes(StandardCharsets.UTF_8));
        assertThat(gateway.post("/webhook/ado", body, "Authorization", wrong).statusCode()).isEqualTo(401);
        assertThat(gateway.post("/webhook/ado", body, "Authorization", BASIC).statusCode()).isEqualTo(200);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
