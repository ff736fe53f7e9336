package dev.codeagent.healthmonitor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.codeagent.healthmonitor.support.FakeHttpServer;
import dev.codeagent.healthmonitor.support.SignIn;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code CODEAGENT_MONITOR_DB_URL} pointing at a PostgreSQL database the orchestrator already uses (its own
 * tables and Flyway history exist): the monitor migrates next to them and serves {@code GET /api/history}
 * behind the dashboard sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext  // its database goes away with the class: no cached context writing to it afterwards
class PostgresHistoryIT {

    static final String TOKEN = "postgres-history-it-token-0123456789";
    static final FakeHttpServer CORE = FakeHttpServer.healthy();
    static final FakeHttpServer EXTRA = FakeHttpServer.healthy();
    static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // What the orchestrator's migrations leave in a shared database.
            s.execute("create table flyway_schema_history (installed_rank int primary key, version varchar(50))");
            s.execute("insert into flyway_schema_history values (1, '1'), (2, '2'), (3, '3')");
            s.execute("create table jobs (id varchar(64) primary key)");
        }
        registry.add("CODEAGENT_MONITOR_DB_URL", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("CODEAGENT_MONITOR_DB_USERNAME", () -> "postgres");
        registry.add("CODEAGENT_MONITOR_DB_PASSWORD", () -> "postgres");
        registry.add("codeagent.platform.internal-token", () -> TOKEN);
        registry.add("codeagent.dashboard.users", () -> SignIn.ADMIN_LINE);
        registry.add("codeagent.monitor.interval", () -> "300ms");
        registry.add("codeagent.monitor.retry-interval", () -> "200ms");
        registry.add("codeagent.monitor.timeout", () -> "1s");
        registry.add("codeagent.monitor.targets", () -> "core=" + CORE.url("/health") + "|critical;extra="
                + EXTRA.url("/health") + "|optional");
    }

    @AfterAll
    static void stopAll() throws IOException {
        CORE.close();
        EXTRA.close();
        postgres.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void timelineOfEveryTargetWithSegmentsUptimeAndIncidents() throws Exception {
        EXTRA.respondStatus(500);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                history("24", SignIn.ADMIN).path("targets").get(1).path("incidents").size() == 1);

        HttpResponse<String> response = get("/api/history?hours=24", SignIn.ADMIN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode report = json.readTree(response.body());
        Instant from = Instant.parse(report.path("from").asString());
        Instant to = Instant.parse(report.path("to").asString());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(24));
        assertThat(report.path("targets").findValuesAsString("name")).containsExactly("core", "extra");

        JsonNode core = report.path("targets").get(0);
        assertThat(names(core)).containsExactly("name", "critical", "uptimePercent", "segments", "incidents");
        assertThat(core.path("critical").asBoolean()).isTrue();
        assertThat(core.path("uptimePercent").asDouble()).isEqualTo(100.0);
        assertThat(core.path("segments")).hasSize(1);
        assertThat(names(core.path("segments").get(0))).containsExactly("state", "from", "to");
        assertThat(core.path("segments").get(0).path("state").asString()).isEqualTo("UP");
        assertThat(core.path("incidents")).isEmpty();

        JsonNode extra = report.path("targets").get(1);
        assertThat(extra.path("segments").get(extra.path("segments").size() - 1).path("state").asString())
                .isEqualTo("DOWN");
        JsonNode incident = extra.path("incidents").get(0);
        assertThat(names(incident)).containsExactly("start", "end", "durationMs", "reason");
        assertThat(incident.path("end").isNull()).isTrue();
        assertThat(incident.path("reason").asString()).isEqualTo("HTTP 500 (expected 2xx)");

        assertThat(jdbc.sql("select count(*) from monitor_state_change").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from flyway_schema_history").query(Long.class).single())
                .as("the orchestrator's Flyway history is left alone").isEqualTo(3);
        EXTRA.respondStatus(200);
    }

    @Test
    void historyNeedsSignInAndAValidWindow() throws Exception {
        assertThat(get("/api/history", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/history", SignIn.basic("admin", "wrong")).statusCode()).isEqualTo(401);
        assertThat(history("1", SignIn.ADMIN).path("targets")).hasSize(2);
        for (String hours : List.of("0", "721", "x")) {
            HttpResponse<String> bad = get("/api/history?hours=" + hours, SignIn.ADMIN);
            assertThat(bad.statusCode()).as(hours).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    private JsonNode history(String hours, String authorization) throws Exception {
        return json.readTree(get("/api/history?hours=" + hours, authorization).body());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> names(JsonNode node) {
        return node.propertyNames().stream().toList();
    }
}
