package dev.codeagent.healthmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.healthmonitor.support.FakeOrchestrator;
import dev.codeagent.healthmonitor.support.SignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code CODEAGENT_DASHBOARD_AUTH=basic} (the default) against the running monitor: the dashboard, its APIs
 * and the metrics need a user from the htpasswd lines; health stays open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardSignInIT {

    static final String TOKEN = "sign-in-it-token-0123456789";
    static final FakeOrchestrator ORCHESTRATOR = new FakeOrchestrator(TOKEN);
    /** bcrypt (PHP manual's example) next to the development file's apr1 line. */
    static final String USERS = SignIn.ADMIN_LINE
            + "\nrasmus:$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a\n";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ORCHESTRATOR.register(registry, TOKEN);
        registry.add("codeagent.dashboard.users", () -> USERS);
    }

    @AfterAll
    static void stopFakes() {
        ORCHESTRATOR.close();
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/assets/app.js", "/jobs/job-1", "/api/jobs", "/api/jobs/job-1",
        "/api/services", "/api/events", "/actuator/prometheus"})
    void withoutCredentialsEverythingButHealthAsksForThem(String path) throws Exception {
        HttpResponse<String> response = get(path, null);

        assertThat(response.statusCode()).as(path).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .contains("Basic realm=\"Code Agent\", charset=\"UTF-8\"");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://").contains("unauthorized")
                .doesNotContain("admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info"})
    void healthStaysOpen(String path) throws Exception {
        assertThat(get(path, null).statusCode()).as(path).isIn(200, 503);
    }

    @Test
    void aUserOfEitherHashTypeSignsIn() throws Exception {
        assertThat(get("/", SignIn.ADMIN).body()).contains("/assets/app.js");
        assertThat(get("/jobs/job-1", SignIn.ADMIN).body()).contains("/assets/app.js");
        assertThat(get("/api/jobs", SignIn.basic("rasmus", "rasmuslerdorf")).statusCode()).isEqualTo(200);
        assertThat(get("/api/services", SignIn.ADMIN).statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get("/actuator/prometheus", SignIn.ADMIN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("codeagent_health_status");
    }

    @Test
    void theEventStreamOpensForASignedInUser() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/events"))
                .header("Authorization", SignIn.ADMIN).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        try {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body().limit(1)).containsExactly("event:snapshot");
        } finally {
            response.body().close();
        }
    }

    @Test
    void wrongPasswordsAndUnknownUsersAreRefused() throws Exception {
        for (String credentials : new String[] {SignIn.basic("admin", "Admin"), SignIn.basic("rasmus", "admin"),
            SignIn.basic("ADMIN", "admin"), SignIn.basic("nobody", "admin"), "Basic not-base64!", "Bearer " + TOKEN}) {
            HttpResponse<String> response = get("/api/jobs", credentials);
            assertThat(response.statusCode()).as(credentials).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(credentials).isPresent();
        }
    }

    @Test
    void noSessionCookieIsHandedOut() throws Exception {
        assertThat(get("/api/jobs", SignIn.ADMIN).headers().firstValue("Set-Cookie")).isEmpty();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (path.equals("/api/events")) {
            // Without credentials the stream never opens, so a plain body read ends.
            request.header("Accept", "text/event-stream");
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
