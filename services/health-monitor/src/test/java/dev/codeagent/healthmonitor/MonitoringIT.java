package dev.codeagent.healthmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.codeagent.healthmonitor.support.FakeHttpServer;
import dev.codeagent.healthmonitor.support.FakeOrchestrator;
import dev.codeagent.healthmonitor.support.SignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitor against real HTTP fakes on loopback: outages and recoveries of critical and optional targets,
 * the event stream, metrics, webhook notifications and the job proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonitoringIT {

    static final Duration INTERVAL = Duration.ofMillis(400);
    /** Two intervals, plus slack for a machine shared by many builds. */
    static final Duration TWO_INTERVALS = INTERVAL.multipliedBy(2).plusSeconds(1);
    static final String TOKEN = "monitoring-it-token-0123456789";

    static final FakeHttpServer CORE = FakeHttpServer.healthy();
    static final FakeHttpServer EXTRA = FakeHttpServer.healthy();
    static final FakeHttpServer WEBHOOK = new FakeHttpServer(r -> new FakeHttpServer.Reply(200, "text/plain", "ok"));
    static final FakeOrchestrator ORCHESTRATOR = new FakeOrchestrator(TOKEN);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("codeagent.platform.internal-token", () -> TOKEN);
        registry.add("codeagent.dashboard.users", () -> SignIn.ADMIN_LINE);  // every request below signs in
        registry.add("codeagent.monitor.interval", () -> INTERVAL.toMillis() + "ms");
        registry.add("codeagent.monitor.retry-interval", () -> "200ms");
        registry.add("codeagent.monitor.timeout", () -> "1s");
        registry.add("codeagent.monitor.targets", () -> "core=" + CORE.url("/actuator/health/readiness")
                + "|critical;extra=" + EXTRA.url("/ping") + "|optional|200|500ms");
        registry.add("codeagent.monitor.webhook-url", () -> WEBHOOK.url("/hooks/chat"));
        registry.add("codeagent.monitor.orchestrator-url", ORCHESTRATOR::baseUrl);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void restoreTargets() {
        CORE.start();
        CORE.respondStatus(200);
        EXTRA.start();
        EXTRA.respondStatus(200);
        ORCHESTRATOR.failWith(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/health").statusCode() == 200
                && json.readTree(get("/health").body()).path("status").asString().equals("HEALTHY"));
    }

    @AfterAll
    static void stopFakes() {
        Stream.of(CORE, EXTRA, WEBHOOK).forEach(FakeHttpServer::close);
        ORCHESTRATOR.close();
    }

    @Test
    void criticalOutageTurnsHealthUnhealthyWithinTwoIntervalsAndRecovers() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/health").statusCode() == 200);
        JsonNode healthy = json.readTree(get("/health").body());
        assertThat(healthy.path("status").asString()).isEqualTo("HEALTHY");
        JsonNode core = healthy.path("services").path("core");
        assertThat(iterableNames(core)).containsExactly("status", "critical", "latencyMs", "error", "since");
        assertThat(core.path("status").asString()).isEqualTo("UP");
        assertThat(core.path("critical").asBoolean()).isTrue();
        assertThat(core.path("error").isNull()).isTrue();
        assertThat(healthy.path("services").path("extra").path("critical").asBoolean()).isFalse();

        CORE.stop();
        await().atMost(TWO_INTERVALS).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/health").statusCode() == 503);
        JsonNode unhealthy = json.readTree(get("/health").body());
        assertThat(unhealthy.path("status").asString()).isEqualTo("UNHEALTHY");
        assertThat(unhealthy.path("services").path("core").path("status").asString()).isEqualTo("DOWN");
        assertThat(unhealthy.path("services").path("core").path("error").asString()).contains("Connection refused");

        CORE.start();
        await().atMost(TWO_INTERVALS).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/health").statusCode() == 200);
        assertThat(json.readTree(get("/health").body()).path("status").asString()).isEqualTo("HEALTHY");
    }

    @Test
    void unexpectedStatusOfCriticalTargetCountsAsDown() throws Exception {
        CORE.respondStatus(503);
        await().atMost(TWO_INTERVALS).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/health").statusCode() == 503);
        assertThat(json.readTree(get("/health").body()).path("services").path("core").path("error").asString())
                .isEqualTo("HTTP 503 (expected 2xx)");
    }

    @Test
    void optionalOutageOnlyDegrades() throws Exception {
        EXTRA.respondStatus(202);  // the target expects exactly 200
        await().atMost(TWO_INTERVALS).pollInterval(Duration.ofMillis(50)).until(() ->
                json.readTree(get("/health").body()).path("status").asString().equals("DEGRADED"));
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode extra = json.readTree(health.body()).path("services").path("extra");
        assertThat(extra.path("status").asString()).isEqualTo("DOWN");
        assertThat(extra.path("error").asString()).isEqualTo("HTTP 202 (expected 200)");

        JsonNode services = json.readTree(get("/api/services").body());
        assertThat(services.path("status").asString()).isEqualTo("DEGRADED");
        JsonNode extraDetail = services.path("services").get(1);
        assertThat(extraDetail.path("name").asString()).isEqualTo("extra");
        assertThat(extraDetail.path("uptimePercent").asDouble()).isLessThan(100.0);
        assertThat(extraDetail.path("recent").size()).isGreaterThan(0);
        assertThat(services.path("changes").get(0).path("service").asString()).isEqualTo("extra");
        assertThat(services.path("changes").get(0).path("to").asString()).isEqualTo("DOWN");
    }

    @Test
    void eventStreamDeliversSnapshotThenChanges() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/events"))
                .header("Accept", "text/event-stream").header("Authorization", SignIn.ADMIN).GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> stream =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // stream closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(nextData(lines, "snapshot").path("services").size()).isEqualTo(2);

            CORE.stop();
            JsonNode change = nextData(lines, "change");
            assertThat(change.path("status").asString()).isEqualTo("UNHEALTHY");
            assertThat(change.path("change").path("service").asString()).isEqualTo("core");
            assertThat(change.path("change").path("from").asString()).isEqualTo("UP");
            assertThat(change.path("change").path("to").asString()).isEqualTo("DOWN");
            assertThat(change.path("service").path("status").asString()).isEqualTo("DOWN");
        } finally {
            response.body().close();
        }
    }

    @Test
    void exportsPrometheusGauges() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/actuator/prometheus").body()
                .lines().anyMatch(l -> l.startsWith("codeagent_service_up{") && l.contains("service=\"core\"")
                        && l.endsWith(" 1.0")));
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("codeagent_service_check_latency_seconds{");
        assertThat(metrics).contains("codeagent_health_status");

        CORE.stop();
        await().atMost(TWO_INTERVALS).until(() -> get("/actuator/prometheus").body()
                .lines().anyMatch(l -> l.startsWith("codeagent_service_up{") && l.contains("service=\"core\"")
                        && l.endsWith(" 0.0")));
    }

    @Test
    void notifiesTheWebhookWhenATargetGoesDownAndComesBack() {
        // When this test runs first, a target stopped before its first check counts as down since start,
        // which is reported only after the start-up grace period.
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/health").statusCode() == 200);
        int before = WEBHOOK.received().size();
        CORE.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> WEBHOOK.received().stream().skip(before)
                .anyMatch(r -> r.body().contains("core (critical) is DOWN")));
        FakeHttpServer.Received down = WEBHOOK.received().stream().skip(before)
                .filter(r -> r.body().contains("is DOWN")).findFirst().orElseThrow();
        assertThat(down.method()).isEqualTo("POST");
        assertThat(down.uri()).isEqualTo("/hooks/chat");
        assertThat(down.header("Content-Type")).isEqualTo("application/json");
        JsonNode message = json.readTree(down.body());
        assertThat(iterableNames(message)).containsExactly("text");
        assertThat(message.path("text").asString()).contains("Connection refused").contains("UNHEALTHY");

        CORE.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> WEBHOOK.received().stream().skip(before)
                .anyMatch(r -> r.body().contains("core (critical) is UP again")));
    }

    @Test
    void proxiesTheOrchestratorsJobsWithTheInternalToken() throws Exception {
        ORCHESTRATOR.addJob("job-proxy-1", FakeOrchestrator.sampleJob("job-proxy-1", "Add validation"));

        HttpResponse<String> list = get("/api/jobs");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(list.body());
        assertThat(page.path("items").get(0).path("id").asString()).isEqualTo("job-proxy-1");
        assertThat(page.path("items").get(0).path("variants").get(0).path("pullRequestUrl").asString())
                .isEqualTo("http://git.example/pr/101");
        FakeHttpServer.Received call = ORCHESTRATOR.server().received().get(ORCHESTRATOR.server().received().size() - 1);
        assertThat(call.uri()).isEqualTo("/api/orchestrators?top=20");
        assertThat(call.header("x-corr-id")).isNotBlank();

        HttpResponse<String> job = get("/api/jobs/job-proxy-1");
        assertThat(job.statusCode()).isEqualTo(200);
        assertThat(json.readTree(job.body()).path("variants").size()).isEqualTo(3);

        HttpResponse<String> log = get("/api/jobs/job-proxy-1/variants/1/checks/1/log");
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        assertThat(log.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(log.body()).as("the last 40 lines").startsWith("log line 21\n").endsWith("log line 60\n");
        assertThat(get("/api/jobs/job-proxy-1/variants/1/checks/1/log?lines=3").body())
                .isEqualTo("log line 58\nlog line 59\nlog line 60\n");
        HttpResponse<String> noLog = get("/api/jobs/job-proxy-1/variants/1/checks/0/log");
        assertThat(noLog.statusCode()).isEqualTo(404);
        assertThat(json.readTree(noLog.body()).path("title").asString()).isEqualTo("Log not found");
        assertThat(get("/api/jobs/job-proxy-1/variants/1/checks/1/log?lines=0").statusCode()).isEqualTo(400);

        assertThat(get("/api/jobs/no-such-job").statusCode()).isEqualTo(404);
        assertThat(get("/api/jobs/bad%20id").statusCode()).isEqualTo(400);
        assertThat(get("/api/jobs?top=0").statusCode()).isEqualTo(400);

        ORCHESTRATOR.failWith(500);
        HttpResponse<String> failing = get("/api/jobs");
        assertThat(failing.statusCode()).isEqualTo(502);
        assertThat(failing.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");

        ORCHESTRATOR.server().stop();
        try {
            HttpResponse<String> unreachable = get("/api/jobs");
            assertThat(unreachable.statusCode()).isEqualTo(503);
            assertThat(json.readTree(unreachable.body()).path("detail").asString()).contains("cannot be reached");
        } finally {
            ORCHESTRATOR.server().start();
        }
    }

    @Test
    void aJobRejectedForItsAuthorReachesTheDashboardWithItsOutcome() throws Exception {
        ORCHESTRATOR.addJob("job-rejected-1", FakeOrchestrator.sampleJob("job-rejected-1", "Not for you")
                .replace("\"runtimeStatus\":\"Running\",\"outcome\":null",
                        "\"runtimeStatus\":\"Completed\",\"outcome\":\"rejected\""));

        HttpResponse<String> job = get("/api/jobs/job-rejected-1");

        assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
        assertThat(json.readTree(job.body()).path("outcome").asString()).isEqualTo("rejected");
        assertThat(get("/assets/app.js").body()).contains("rejected: 'not allowed'");
        assertThat(get("/assets/app.css").body()).contains(".pill-rejected");
    }

    @Test
    void servesTheDashboardWithoutToken() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("/assets/app.js");
        assertThat(get("/jobs/job-1").body()).contains("/assets/app.js");
        assertThat(get("/assets/app.css").statusCode()).isEqualTo(200);
        assertThat(get("/assets/app.js").statusCode()).isEqualTo(200);
    }

    private JsonNode nextData(BlockingQueue<String> lines, String eventName) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String currentEvent = null;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("event:")) {
                currentEvent = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:") && eventName.equals(currentEvent)) {
                return json.readTree(line.substring("data:".length()));
            } else if (line.isEmpty()) {
                currentEvent = null;
            }
        }
        throw new AssertionError("No '" + eventName + "' event within 10 s");
    }

    private static List<String> iterableNames(JsonNode node) {
        return node.propertyNames().stream().toList();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", SignIn.ADMIN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
