package dev.codeagent.gateway;

import com.sun.net.httpserver.HttpExchange;
import dev.codeagent.gateway.handoff.IdempotencyHeader;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback orchestrator that behaves like the real start API where it matters to the gateway: it
 * checks the internal token and the Idempotency-Key header, de-duplicates by key (202 for a new job,
 * 200 with {@code created:false} for an existing one), and can be told to fail.
 */
public final class FakeOrchestrator implements AutoCloseable {

    /** What the gateway sent. */
    public record Received(JsonNode body, String idempotencyKey, String authorization, String corrId) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(64);
    private final JsonMapper json = JsonMapper.builder().build();
    private final String expectedToken;
    private final Map<String, String> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger jobsCreated = new AtomicInteger();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile long delayMillis;

    public FakeOrchestrator(String expectedToken) throws IOException {
        this(expectedToken, 0);
    }

    /** On {@code port} (0: any free port), e.g. to stand in for an orchestrator that restarted. */
    public FakeOrchestrator(String expectedToken, int port) throws IOException {
        this.expectedToken = expectedToken;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.createContext("/api/orchestrators/edit-variants", this::start);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} start calls fail with {@code status}. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    public void delay(long millis) {
        delayMillis = millis;
    }

    /** Distinct jobs created since start, whatever the number of calls. */
    public int jobsCreated() {
        return jobsCreated.get();
    }

    public String jobFor(String key) {
        return jobs.get(key);
    }

    public List<Received> receivedFor(String key) {
        return received.stream().filter(r -> key.equals(r.body().path("idempotencyKey").asString(""))).toList();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void start(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{}");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + expectedToken).equals(authorization)) {
                send(exchange, 401, "{\"title\":\"Unauthorized\"}");
                return;
            }
            JsonNode body = json.readTree(bytes);
            String key = body.path("idempotencyKey").asString("");
            String header = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            received.add(new Received(body, header, authorization, exchange.getRequestHeaders().getFirst("x-corr-id")));
            if (key.isEmpty() || !IdempotencyHeader.encode(key).equals(header)) {
                send(exchange, 400, "{\"title\":\"Idempotency-Key must match the body\"}");
                return;
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, failureStatus, "{\"title\":\"failing on purpose\"}");
                return;
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            String fresh = UUID.randomUUID().toString();
            String existing = jobs.putIfAbsent(key, fresh);
            boolean created = existing == null;
            if (created) {
                jobsCreated.incrementAndGet();
            }
            String id = created ? fresh : existing;
            send(exchange, created ? 202 : 200, "{\"id\":\"" + id + "\",\"statusQueryGetUri\":\"" + url()
                    + "/api/jobs/" + id + "\",\"terminatePostUri\":\"" + url() + "/api/jobs/" + id
                    + "/terminate\",\"created\":" + created + "}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 400, "{\"title\":\"bad body\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
