package dev.codeagent.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.gateway.FakeOrchestrator;
import dev.codeagent.gateway.Fixtures;
import dev.codeagent.gateway.GatewayClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A redelivery of a command that was let through is never counted again by the rate limits, nor refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "codeagent.platform.internal-token=" + RedeliveryRateLimitIT.TOKEN,
        "codeagent.webhook.secret=" + RedeliveryRateLimitIT.SECRET,
        "codeagent.rate-limit.per-author=1",
        "codeagent.rate-limit.per-repository=0",
        "codeagent.rate-limit.window=10m",
        // One attempt per hand-off, so that an outage is answered at once.
        "codeagent.platform.connect-timeout=1s",
        "codeagent.handoff.timeout=2s",
        "codeagent.handoff.max-total=3s"})
class RedeliveryRateLimitIT {

    static final String TOKEN = "it-internal-token-0123456789";
    static final String SECRET = "it-webhook-secret-0123456789";
    /** The author of the edit-command fixtures; each test replaces it so that the tests do not share a limit. */
    private static final String FIXTURE_AUTHOR = "2c9d1e7f-6a4b-4d3c-9e8f-0a1b2c3d4e5f";
    private static final FakeOrchestrator ORCHESTRATOR = startOrchestrator();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void orchestrator(DynamicPropertyRegistry registry) {
        registry.add("codeagent.handoff.orchestrator-url", ORCHESTRATOR::url);
    }

    @AfterEach
    void orchestratorBack() {
        ORCHESTRATOR.failNext(0, 503);
    }

    @AfterAll
    static void stop() {
        ORCHESTRATOR.close();
    }

    @Test
    void aRedeliveryIsADuplicateNotA429AndANewCommentIsLimited() {
        String author = "0000aaaa-0000-4000-8000-000000000001";
        String command = as(author, Fixtures.tree(Fixtures.EDIT_COMMAND));

        HttpResponse<String> first = deliver(command);
        HttpResponse<String> again = deliver(command);
        HttpResponse<String> edited = deliver(as(author, Fixtures.tree(Fixtures.EDITED)));
        HttpResponse<String> another = deliver(as(author, Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 2)));

        assertThat(first.statusCode()).isEqualTo(202);
        String jobId = json.readTree(first.body()).path("jobId").asString();
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode duplicate = json.readTree(again.body());
        assertThat(duplicate.path("duplicate").asBoolean()).isTrue();
        assertThat(duplicate.path("jobId").asString()).isEqualTo(jobId);
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(json.readTree(edited.body()).path("ignored").asString()).isEqualTo("edit-of-handled-comment");
        assertThat(another.statusCode()).isEqualTo(429);
        assertThat(another.body()).contains("problems/rate-limited").contains("author");
    }

    @Test
    void aRedeliveryAfterAnOutageIsNotCountedAgain() {
        String author = "0000aaaa-0000-4000-8000-000000000002";
        String command = as(author, Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 31));
        ORCHESTRATOR.failNext(1, 503);

        HttpResponse<String> duringOutage = deliver(command);
        HttpResponse<String> retried = deliver(command);

        assertThat(duringOutage.statusCode()).isEqualTo(503);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(deliver(as(author, Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 32))).statusCode())
                .isEqualTo(429);
    }

    private static String as(String author, ObjectNode delivery) {
        return Fixtures.json(delivery).replace(FIXTURE_AUTHOR, author);
    }

    private HttpResponse<String> deliver(String delivery) {
        return new GatewayClient(port).post("/webhook/ado", delivery, "X-CodeAgent-Secret", SECRET);
    }

    private static FakeOrchestrator startOrchestrator() {
        try {
            return new FakeOrchestrator(TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
