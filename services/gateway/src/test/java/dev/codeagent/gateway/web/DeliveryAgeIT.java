package dev.codeagent.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.gateway.FakeOrchestrator;
import dev.codeagent.gateway.Fixtures;
import dev.codeagent.gateway.GatewayClient;
import dev.codeagent.platform.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The age limit of Azure DevOps deliveries ({@code CODEAGENT_WEBHOOK_MAX_AGE}, 1h by default) over real HTTP,
 * with the gateway's clock set by the test: a redelivery within the hour is the duplicate it is, an older
 * one is refused before anything is handed on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "codeagent.platform.internal-token=" + DeliveryAgeIT.TOKEN,
        "codeagent.webhook.secret=" + DeliveryAgeIT.SECRET})
class DeliveryAgeIT {

    static final String TOKEN = "it-internal-token-0123456789";
    static final String SECRET = "it-webhook-secret-0123456789";
    private static final Instant CREATED = Instant.parse("2026-11-20T09:14:09.843Z");
    private static final MutableClock CLOCK = new MutableClock(CREATED);
    @AutoClose
    private static final FakeOrchestrator ORCHESTRATOR = FakeOrchestrator.start(TOKEN);

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void orchestrator(DynamicPropertyRegistry registry) {
        ORCHESTRATOR.handOffTo(registry);
    }

    @Test
    void aRedeliveryWithinTheHourIsADuplicateAndOneAfterItIsRefused() {
        ObjectNode delivery = Fixtures.createdAt(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 501), CREATED);

        CLOCK.set(CREATED.plusSeconds(3));
        HttpResponse<String> first = deliver(delivery);
        CLOCK.set(CREATED.plus(Duration.ofMinutes(59)));
        HttpResponse<String> retried = deliver(delivery);
        CLOCK.set(CREATED.plus(Duration.ofMinutes(61)));
        int calls = ORCHESTRATOR.calls();
        HttpResponse<String> replayed = deliver(delivery);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retried.body()).path("duplicate").asBoolean()).isTrue();
        assertThat(json.readTree(retried.body()).path("jobId").asString())
                .isEqualTo(json.readTree(first.body()).path("jobId").asString());
        assertThat(replayed.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(replayed.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://codeagent.dev/problems/validation");
        assertThat(problem.path("detail").asString()).isEqualTo("The delivery was created 1h 1m ago (createdDate "
                + "2026-11-20T09:14:09.843Z); this gateway accepts deliveries up to 1h old (CODEAGENT_WEBHOOK_MAX_AGE), "
                + "so that a captured delivery cannot be replayed.");
        assertThat(problem.path("fields").toString()).isEqualTo("[\"createdDate\"]");
        assertThat(ORCHESTRATOR.calls()).as("nothing handed on").isEqualTo(calls);
        assertThat(new GatewayClient(port).get("/actuator/prometheus").body())
                .containsPattern("codeagent_gateway_deliveries_total\\{[^}]*outcome=\"stale\"");
    }

    @Test
    void aDeliveryFromTooFarInTheFutureOrWithoutADateIsRefused() {
        CLOCK.set(CREATED);
        int calls = ORCHESTRATOR.calls();

        HttpResponse<String> future = deliver(Fixtures.createdAt(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 502),
                CREATED.plus(Duration.ofMinutes(10))));
        ObjectNode undated = Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 503);
        undated.remove("createdDate");
        HttpResponse<String> withoutDate = deliver(undated);

        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json.readTree(future.body()).path("detail").asString()).isEqualTo("The delivery's createdDate "
                + "2026-11-20T09:24:09.843Z is 10m in the future; this gateway allows clocks to differ by up to 5m.");
        assertThat(withoutDate.statusCode()).isEqualTo(400);
        assertThat(json.readTree(withoutDate.body()).path("detail").asString())
                .isEqualTo("Missing or invalid fields: createdDate");
        assertThat(ORCHESTRATOR.calls()).isEqualTo(calls);

        // A little ahead of the gateway's clock is a clock difference, not a forgery.
        assertThat(deliver(Fixtures.createdAt(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 504),
                CREATED.plus(Duration.ofMinutes(4)))).statusCode()).isEqualTo(202);
    }

    private HttpResponse<String> deliver(ObjectNode delivery) {
        return new GatewayClient(port).post("/webhook/ado", Fixtures.json(delivery), "X-CodeAgent-Secret", SECRET);
    }
}
