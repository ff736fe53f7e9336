package dev.codeagent.healthmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.healthmonitor.support.FakeOrchestrator;
import dev.codeagent.healthmonitor.support.SignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code CODEAGENT_DASHBOARD_AUTH=none} opens the dashboard, while
 * {@code CODEAGENT_METRICS_TOKEN} still guards the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenDashboardIT {

    static final String TOKEN = "open-it-token-0123456789";
    static final String METRICS_TOKEN = "metrics-token-0123456789abcdef";
    static final FakeOrchestrator ORCHESTRATOR = new FakeOrchestrator(TOKEN);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ORCHESTRATOR.register(registry, TOKEN);
        registry.add("codeagent.dashboard.auth", () -> "none");
        registry.add("codeagent.dashboard.users-file", () -> "/nonexistent/dashboard_users");
        registry.add("codeagent.dashboard.metrics-token", () -> METRICS_TOKEN);
    }

    @AfterAll
    static void stopFakes() {
        ORCHESTRATOR.close();
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDashboardAndItsApisAreOpen() throws Exception {
        assertThat(get("/", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/jobs", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/services", null).statusCode()).isEqualTo(200);
        assertThat(get("/health", null).statusCode()).isIn(200, 503);
    }

    @Test
    void metricsNeedTheMetricsToken() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"codeagent-metrics\"");
        assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");

        assertThat(get("/actuator/prometheus", "Bearer wrong-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Bearer " + TOKEN).statusCode()).as("internal token").isEqualTo(401);
        assertThat(get("/actuator/prometheus", SignIn.ADMIN).statusCode()).isEqualTo(401);

        HttpResponse<String> scraped = get("/actuator/prometheus", "Bearer " + METRICS_TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("codeagent_health_status");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
