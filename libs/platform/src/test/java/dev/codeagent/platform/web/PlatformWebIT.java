package dev.codeagent.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import dev.codeagent.platform.http.ServiceHttpClients;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "codeagent.platform.internal-token=0123456789abcdef-test-token",
        "codeagent.platform.public-paths=/public/**",
        "spring.application.name=platform-test"})
class PlatformWebIT {

    private static final String TOKEN = "0123456789abcdef-test-token";

    @LocalServerPort
    int port;

    @Autowired
    ServiceHttpClients clients;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void echoesIncomingCorrelationIdAndLogsIt(CapturedOutput output) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/echo"))
                .header("x-corr-id", "abc").header("Authorization", "Bearer " + TOKEN).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-corr-id")).contains("abc");
        assertThat(output.getOut()).containsPattern("\\[abc\\].*handling echo");
    }

    @Test
    void generatesCorrelationIdWhenMissingOrUnsafe() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/public/ping"))
                .header("x-corr-id", "bad id\twith spaces").GET());
        assertThat(response.headers().firstValue("x-corr-id")).get().asString()
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void internalApiRequiresBearerToken() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/api/echo")).GET());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertThat(none.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(none.body()).contains("\"status\":401").doesNotContain(TOKEN);

        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/api/echo"))
                .header("Authorization", "Bearer " + TOKEN + "x").GET());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void publicPathsAndActuatorNeedNoToken() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/public/ping")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> prometheus = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET());
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void malformedJsonAndValidationErrorsAreProblemDetails() throws Exception {
        HttpResponse<String> malformed = send(HttpRequest.newBuilder(uri("/api/items"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(malformed.body()).contains("https://codeagent.dev/problems/validation").contains("corrId");

        HttpResponse<String> invalid = send(HttpRequest.newBuilder(uri("/api/items"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"  \"}")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"errors\":[{\"field\":\"name\",\"message\":\"must not be blank\"}]");

        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/api/nothing-here"))
                .header("Authorization", "Bearer " + TOKEN).GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void serviceClientsPropagateCorrelationIdAndToken() {
        try (CorrelationId.Scope ignored = CorrelationId.open("propagated-1")) {
            @SuppressWarnings("unchecked")
            Map<String, String> seen = clients.forService("http://127.0.0.1:" + port).get().uri("/api/echo")
                    .retrieve().body(Map.class);
            assertThat(seen).containsEntry("corrId", "propagated-1");
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    record Item(@NotBlank String name) {
    }

    @SpringBootApplication
    @RestController
    static class TestApp {

        private static final Logger log = LoggerFactory.getLogger(TestApp.class);

        @GetMapping("/api/echo")
        Map<String, String> echo() {
            log.info("handling echo");
            return Map.of("corrId", CorrelationId.current());
        }

        @GetMapping("/public/ping")
        Map<String, String> ping() {
            return Map.of("pong", "yes");
        }

        @PostMapping("/api/items")
        Item create(@Valid @RequestBody Item item) {
            return item;
        }
    }
}
