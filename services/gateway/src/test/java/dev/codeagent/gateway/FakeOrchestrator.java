package dev.codeagent.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback orchestrator that behaves like the real batch start API where it matters to the gateway: it
 * checks the internal token, answers every item on its own and in order — de-duplicated by key (202 for a
 * new job, 200 for an existing one), 400 for an item without a key — and can be told to fail, to hold a
 * call or to miscount its results.
 */
public final class FakeOrchestrator implements AutoCloseable {

    /**
     * One command the gateway sent: the command, its key, the call's Authorization, the item's own
     * correlation id, the call's {@code x-corr-id}, and the number of the call (from 1) that carried it.
     */
    public record Received(JsonNode body, String idempotencyKey, String authorization, String corrId,
            String callCorrId, int call) {
    }

    /** A call that is held until released, for tests that need commands to queue in the gateway. */
    public static final class Hold {
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits until the held call has arrived (its items are recorded by then). */
        public void awaitArrived() throws InterruptedException {
            if (!arrived.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no call arrived to be held");
            }
        }

        public void release() {
            released.countDown();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(64);
    private final JsonMapper json = JsonMapper.builder().build();
    private final String expectedToken;
    private final Map<String, String> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger jobsCreated = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger miscountsLeft = new AtomicInteger();
    private final AtomicReference<Hold> hold = new AtomicReference<>();
    private volatile int failureStatus = 503;
    private volatile long delayMillis;
    private volatile boolean atCapacity;

    public FakeOrchestrator(String expectedToken) throws IOException {
        this(expectedToken, 0);
    }

    /** On {@code port} (0: any free port), e.g. to stand in for an orchestrator that restarted. */
    public FakeOrchestrator(String expectedToken, int port) throws IOException {
        this.expectedToken = expectedToken;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.createContext("/api/orchestrators/edit-variants/batch", this::startBatch);
        server.setExecutor(executor);
        server.start();
    }

    /** Started on any free port, for a test class's static field. */
    public static FakeOrchestrator start(String expectedToken) {
        try {
            return new FakeOrchestrator(expectedToken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the gateway under test at this orchestrator (from a {@code @DynamicPropertySource} method). */
    public void handOffTo(DynamicPropertyRegistry registry) {
        registry.add("codeagent.handoff.orchestrator-url", this::url);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} calls fail as a whole with {@code status}. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    /** While on, a command without a job is answered 503, as the orchestrator answers it when at capacity. */
    public void atCapacity(boolean full) {
        atCapacity = full;
    }

    /** The next {@code count} calls answer one result fewer than they had items. */
    public void miscountNext(int count) {
        miscountsLeft.set(count);
    }

    /** The next call waits, after its items are recorded, until the returned hold is released. */
    public Hold holdNextCall() {
        Hold next = new Hold();
        hold.set(next);
        return next;
    }

    public void delay(long millis) {
        delayMillis = millis;
    }

    /** Distinct jobs created since start, whatever the number of calls. */
    public int jobsCreated() {
        return jobsCreated.get();
    }

    /** Calls received, failed ones included. */
    public int calls() {
        return calls.get();
    }

    public String jobFor(String key) {
        return jobs.get(key);
    }

    /** Every time the command with {@code key} was sent, in every call. */
    public List<Received> receivedFor(String key) {
        return received.stream().filter(r -> key.equals(r.idempotencyKey())).toList();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The keys each call carried, by call, in the calls' order. */
    public List<List<String>> keysByCall() {
        List<List<String>> byCall = new ArrayList<>();
        for (int i = 0; i < calls.get(); i++) {
            byCall.add(new ArrayList<>());
        }
        for (Received r : received.stream().sorted((a, b) -> Integer.compare(a.call(), b.call())).toList()) {
            byCall.get(r.call() - 1).add(r.idempotencyKey());
        }
        return byCall;
    }

    private void startBatch(HttpExchange exchange) throws IOException {
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
            JsonNode items = json.readTree(bytes).path("items");
            if (!items.isArray() || items.isEmpty() || items.size() > 100) {
                send(exchange, 400, "{\"title\":\"items must hold 1 to 100 commands\"}");
                return;
            }
            String callCorrId = exchange.getRequestHeaders().getFirst("x-corr-id");
            // Numbered and recorded in one step so that keysByCall() sees whole calls in arrival order.
            synchronized (received) {
                int call = calls.incrementAndGet();
                for (JsonNode item : items) {
                    JsonNode command = item.path("command");
                    JsonNode corrId = item.get("correlationId");
                    received.add(new Received(command, command.path("idempotencyKey").asString(""), authorization,
                            corrId == null || corrId.isNull() ? null : corrId.asString(), callCorrId, call));
                }
            }
            Hold held = hold.getAndSet(null);
            if (held != null) {
                held.arrived.countDown();
                if (!held.released.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a held call was never released");
                }
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, failureStatus, "{\"title\":\"failing on purpose\"}");
                return;
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            ObjectNode answer = json.createObjectNode();
            ArrayNode results = answer.putArray("results");
            int answered = miscountsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? items.size() - 1 : items.size();
            for (int i = 0; i < answered; i++) {
                results.add(result(items.get(i).path("command")));
            }
            send(exchange, 200, json.writeValueAsString(answer));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 400, "{\"title\":\"bad body\"}");
        }
    }

    /** One item's answer, as the single start API would give it. */
    private ObjectNode result(JsonNode command) {
        ObjectNode result = json.createObjectNode();
        String key = command.path("idempotencyKey").asString("");
        if (key.isBlank()) {
            return result.put("status", 400).put("title", "Invalid command")
                    .put("detail", "idempotencyKey must not be blank");
        }
        if (atCapacity && !jobs.containsKey(key)) {
            return result.put("status", 503).put("title", "At capacity")
                    .put("detail", "Code Agent is at capacity: 3 edit commands are waiting to run (at most 3).");
        }
        String fresh = UUID.randomUUID().toString();
        String existing = jobs.putIfAbsent(key, fresh);
        boolean created = existing == null;
        if (created) {
            jobsCreated.incrementAndGet();
        }
        String id = created ? fresh : existing;
        result.put("status", created ? 202 : 200);
        result.putObject("job").put("id", id).put("statusQueryGetUri", url() + "/api/jobs/" + id)
                .put("terminatePostUri", url() + "/api/jobs/" + id + "/terminate").put("created", created);
        return result;
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
