package dev.codeagent.healthmonitor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.codeagent.healthmonitor.support.FakeHttpServer;
import dev.codeagent.healthmonitor.support.SignIn;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The history's PostgreSQL is down when the monitor starts: the monitor starts and watches its targets anyway,
 * the history API answers 503, and once the database is up the schema is migrated and the history works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext  // its database goes away with the class: no cached context writing to it afterwards
class HistoryDatabaseDownIT {

    static final FakeHttpServer CORE = FakeHttpServer.healthy();
    static final int DATABASE_PORT = freePort();
    static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("CODEAGENT_MONITOR_DB_URL", () -> "jdbc:postgresql://127.0.0.1:" + DATABASE_PORT + "/postgres");
        registry.add("CODEAGENT_MONITOR_DB_USERNAME", () -> "postgres");
        registry.add("CODEAGENT_MONITOR_DB_PASSWORD", () -> "postgres");
        registry.add("codeagent.monitor.history.schema-retry", () -> "300ms");
        registry.add("codeagent.platform.internal-token", () -> "history-down-it-token-0123456789");
        registry.add("codeagent.dashboard.users", () -> SignIn.ADMIN_LINE);
        registry.add("codeagent.monitor.interval", () -> "300ms");
        registry.add("codeagent.monitor.targets", () -> "core=" + CORE.url("/health") + "|critical");
    }

    @AfterAll
    static void stopAll() throws IOException {
        CORE.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void monitorRunsWithoutItsHistoryDatabaseAndUsesItOnceItIsUp() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/health").statusCode() == 200);
        HttpResponse<String> unavailable = get("/api/history");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
        assertThat(unavailable.body()).contains("History unavailable");

        postgres = EmbeddedPostgres.builder().setPort(DATABASE_PORT).start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/history").statusCode() == 200);

        CORE.stop();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/history").body().contains("\"incidents\":[{"));
        CORE.start();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", SignIn.ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
