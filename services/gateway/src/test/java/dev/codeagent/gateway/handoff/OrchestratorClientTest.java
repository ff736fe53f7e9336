package dev.codeagent.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.gateway.FakeOrchestrator;
import dev.codeagent.gateway.metrics.GatewayMetrics;
import dev.codeagent.platform.PlatformProperties;
import dev.codeagent.platform.web.CorrelationId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/** The hand-off's batching and HTTP transport against a loopback orchestrator. */
class OrchestratorClientTest {

    private static final String TOKEN = "test-internal-token-0123456789";
    /** Only a guard against a hang: none of these tests waits for time to pass. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void sendsTheCommandWithTokenAndCorrelationIds() throws Exception {
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(TOKEN);
                OrchestratorClient client = client(orchestrator.url());
                CorrelationId.Scope ignored = CorrelationId.open("corr-123")) {
            StartJobRequest request = request(7);
            HandoffResult first = client.start(request);
            HandoffResult again = client.start(request);

            assertThat(first).isInstanceOf(HandoffResult.Created.class);
            assertThat(again).isInstanceOf(HandoffResult.Existing.class);
            assertThat(((HandoffResult.Existing) again).jobId()).isEqualTo(((HandoffResult.Created) first).jobId());
            FakeOrchestrator.Received received = orchestrator.receivedFor(request.idempotencyKey()).get(0);
            assertThat(received.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(received.corrId()).isEqualTo("corr-123");
            assertThat(received.callCorrId()).isEqualTo("corr-123");
            assertThat(received.body().path("commentUpdatedAt").asString()).isEqualTo("2026-11-20T09:14:03.217Z");
            // One delivery at a time: one call of one command each.
            assertThat(orchestrator.keysByCall()).containsExactly(
                    List.of(request.idempotencyKey()), List.of(request.idempotencyKey()));
            assertThat(meters.get("codeagent.gateway.handoff.batch.size").summary().count()).isEqualTo(2);
            assertThat(meters.get("codeagent.gateway.handoff.batch.size").summary().max()).isEqualTo(1);
        }
    }

    @Test
    void aPooledConnectionToAnOrchestratorThatRestartedCostsAtMostARetry() throws Exception {
        FakeOrchestrator before = new FakeOrchestrator(TOKEN);
        int port = before.port();
        try (OrchestratorClient client = client(before.url())) {
            assertThat(client.start(request(1))).isInstanceOf(HandoffResult.Created.class);
            before.close();
            try (FakeOrchestrator after = new FakeOrchestrator(TOKEN, port)) {
                // The pooled connection died with the old server: the command still gets through.
                assertThat(client.start(request(2))).isInstanceOf(HandoffResult.Created.class);
                assertThat(client.start(request(3))).isInstanceOf(HandoffResult.Created.class);
                assertThat(after.jobsCreated()).isEqualTo(2);
            }
        } finally {
            before.close();
        }
    }

    @Test
    void refusedConnectionsAreRetriedThenUnavailable() throws Exception {
        int port;
        try (FakeOrchestrator gone = new FakeOrchestrator(TOKEN)) {
            port = gone.port();
        }
        try (OrchestratorClient client = client("http://127.0.0.1:" + port)) {
            HandoffResult result = client.start(request(1));
            assertThat(result).isInstanceOf(HandoffResult.Unavailable.class);
            assertThat(meters.get("codeagent.gateway.handoff.errors").tag("reason", "connect").counter().count())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void readsChunkedAnswersAndRefusesOversizedOnes() throws Exception {
        // Spring MVC (the real orchestrator) answers with chunked transfer encoding.
        String answer = "{\"results\":[{\"status\":202,\"job\":{\"id\":\"job-1\","
                + "\"statusQueryGetUri\":\"http://o/api/orchestrators/job-1\",\"created\":true}}]}";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/api/orchestrators/edit-variants/batch", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean huge = body.contains("/comment/2\"");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(huge ? ("{\"results\":[{\"status\":202,\"job\":{\"id\":\"" + "x".repeat(300_000) + "\"}}]}")
                        .getBytes(StandardCharsets.UTF_8) : answer.getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        try (OrchestratorClient client = client("http://127.0.0.1:" + server.getAddress().getPort())) {
            assertThat(client.start(request(1))).isEqualTo(new HandoffResult.Created("job-1"));
            assertThat(client.start(request(2))).isInstanceOf(HandoffResult.Unavailable.class);
            assertThat(meters.get("codeagent.gateway.handoff.errors").tag("reason", "invalid-answer").counter()
                    .count()).isGreaterThanOrEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRefusalThatQuotesTheCommandBackIsLoggedOnOneLine(CapturedOutput output) throws Exception {
        String answer = "{\"results\":[{\"status\":422,\"title\":\"Invalid command\",\"detail\":\"intent "
                + "'x\\n2026-12-06T12:00:00Z ERROR forged' is not allowed\"}]}";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/api/orchestrators/edit-variants/batch", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try (OrchestratorClient client = client("http://127.0.0.1:" + server.getAddress().getPort())) {
            assertThat(client.start(request(1))).isInstanceOf(HandoffResult.Refused.class);
            assertThat(output.getAll()).contains("Orchestrator refused a command: The orchestrator refused the "
                    + "command: intent 'x\\n2026-12-06T12:00:00Z ERROR forged' is not allowed")
                    .doesNotContain("\n2026-12-06T12:00:00Z ERROR forged");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theBatchPathKeepsTheBaseUrlsPath() {
        assertThat(OrchestratorClient.batchPath(URI.create("http://orchestrator:7071")))
                .isEqualTo("/api/orchestrators/edit-variants/batch");
        assertThat(OrchestratorClient.batchPath(URI.create("http://proxy/orchestrator/")))
                .isEqualTo("/orchestrator/api/orchestrators/edit-variants/batch");
    }

    @Test
    void commandsThatQueueWhileACallIsInFlightGoTogetherInTheNextCall() throws Exception {
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(TOKEN);
                OrchestratorClient client = patientClient(orchestrator.url(), 1, 32, new GatewayMetrics(meters))) {
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                List<Future<HandoffResult>> results = queueBehindAHeldCall(orchestrator, client, 5);

                List<String> keys = IntStream.rangeClosed(0, 5).mapToObj(i -> key(i)).toList();
                Set<String> jobIds = new HashSet<>();
                for (int i = 0; i <= 5; i++) {
                    HandoffResult result = results.get(i).get();
                    assertThat(result).isInstanceOf(HandoffResult.Created.class);
                    String jobId = ((HandoffResult.Created) result).jobId();
                    assertThat(jobId).as("command %d gets its own job", i).isEqualTo(orchestrator.jobFor(keys.get(i)));
                    jobIds.add(jobId);
                }
                assertThat(jobIds).hasSize(6);
                assertThat(orchestrator.keysByCall()).containsExactly(keys.subList(0, 1), keys.subList(1, 6));
                // Each command keeps its own delivery's correlation id; the call carries its leader's.
                for (int i = 0; i <= 5; i++) {
                    FakeOrchestrator.Received sent = orchestrator.receivedFor(keys.get(i)).get(0);
                    assertThat(sent.corrId()).isEqualTo("corr-" + i);
                    assertThat(sent.callCorrId()).isEqualTo(i == 0 ? "corr-0" : "corr-1");
                }
                assertThat(meters.get("codeagent.gateway.handoff.batch.size").summary().max()).isEqualTo(5);
                assertThat(client.queued()).isZero();
                assertThat(client.inFlight()).isZero();
            });
        }
    }

    @Test
    void noCallCarriesMoreThanTheBatchSize() throws Exception {
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(TOKEN);
                OrchestratorClient client = patientClient(orchestrator.url(), 1, 3, new GatewayMetrics(meters))) {
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                List<Future<HandoffResult>> results = queueBehindAHeldCall(orchestrator, client, 7);
                for (int i = 0; i <= 7; i++) {
                    assertThat(results.get(i).get()).isEqualTo(created(orchestrator, i));
                }
                assertThat(orchestrator.keysByCall()).containsExactly(keys(0), keys(1, 2, 3), keys(4, 5, 6), keys(7));
            });
        }
    }

    @Test
    void aMixedAnswerGivesEachCommandItsOwnResult() throws Exception {
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(TOKEN);
                OrchestratorClient client = patientClient(orchestrator.url(), 1, 32, new GatewayMetrics(meters))) {
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                HandoffResult earlier = client.start(request(1));
                FakeOrchestrator.Hold hold = orchestrator.holdNextCall();
                Future<HandoffResult> leader = startAsync(client, request(10), "corr-10");
                hold.awaitArrived();
                Future<HandoffResult> fresh = startAsync(client, request(2), "corr-2");
                awaitQueued(client, 1);
                Future<HandoffResult> duplicate = startAsync(client, request(1), "corr-1");
                awaitQueued(client, 2);
                Future<HandoffResult> invalid = startAsync(client, withKey(request(3), ""), "corr-3");
                awaitQueued(client, 3);
                hold.release();

                assertThat(leader.get()).isEqualTo(created(orchestrator, 10));
                assertThat(fresh.get()).isEqualTo(created(orchestrator, 2));
                HandoffResult.Created first = (HandoffResult.Created) earlier;
                assertThat(duplicate.get()).isEqualTo(new HandoffResult.Existing(first.jobId()));
                assertThat(invalid.get()).isInstanceOfSatisfying(HandoffResult.Refused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.detail()).contains("idempotencyKey must not be blank");
                });
                assertThat(orchestrator.keysByCall()).containsExactly(keys(1), keys(10), List.of(key(2), key(1), ""));
                assertThat(meters.get("codeagent.gateway.handoff.errors").tag("reason", "refused").counter().count())
                        .isEqualTo(1);
            });
        }
    }

    @Test
    void aCommandRefusedAtCapacityIsUnavailableAtOnceWhileARedeliveryKeepsItsJob() throws Exception {
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(TOKEN);
                OrchestratorClient client = client(orchestrator.url())) {
            HandoffResult earlier = client.start(request(1));
            orchestrator.atCapacity(true);

            assertThat(client.start(request(2))).isEqualTo(new HandoffResult.Unavailable(
                    "Code Agent is at capacity: 3 edit commands are waiting to run (at most 3).", Duration.ofSeconds(10)));
            HandoffResult.Created first = (HandoffResult.Created) earlier;
            assertThat(client.start(request(1))).isEqualTo(new HandoffResult.Existing(first.jobId()));
            // Answered, not repeated: the orchestrator said why, and the sender retries later.
            assertThat(orchestrator.calls()).isEqualTo(3);
            assertThat(meters.find("codeagent.gateway.handoff.errors").counters()).isEmpty();
        }
    }

    @Test
    void anAnswerWithTheWrongNumberOfResultsIsRetriedThenUnavailable() throws Exception {
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(TOKEN);
                OrchestratorClient client = client(orchestrator.url())) {
            orchestrator.miscountNext(1);
            assertThat(client.start(request(1))).isEqualTo(created(orchestrator, 1));
            assertThat(orchestrator.calls()).isEqualTo(2);

            orchestrator.miscountNext(1000);
            assertThat(client.start(request(2))).isInstanceOf(HandoffResult.Unavailable.class);
            assertThat(orchestrator.calls()).isGreaterThanOrEqualTo(4);
            assertThat(meters.get("codeagent.gateway.handoff.errors").tag("reason", "invalid-answer").counter()
                    .count()).isEqualTo(orchestrator.calls() - 1);
        }
    }

    @Test
    void aLeaderThatFailsUnexpectedlyStillHandsOver() throws Exception {
        // The leader of the second batch (commands 1 and 2) fails before its call; command 3 queued behind it.
        GatewayMetrics failing = new GatewayMetrics(meters) {
            @Override
            public void handoffBatch(int commands) {
                if (commands == 2) {
                    throw new IllegalStateException("boom");
                }
                super.handoffBatch(commands);
            }
        };
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(TOKEN);
                OrchestratorClient client = patientClient(orchestrator.url(), 1, 2, failing)) {
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                List<Future<HandoffResult>> results = queueBehindAHeldCall(orchestrator, client, 3);

                assertThat(results.get(0).get()).isEqualTo(created(orchestrator, 0));
                assertThatThrownBy(() -> results.get(1).get()).isInstanceOf(ExecutionException.class)
                        .hasRootCauseMessage("boom");
                assertThat(results.get(2).get()).isInstanceOf(HandoffResult.Unavailable.class);
                assertThat(results.get(3).get()).isEqualTo(created(orchestrator, 3));
                assertThat(orchestrator.keysByCall()).containsExactly(keys(0), keys(3));
                assertThat(client.queued()).isZero();
                assertThat(client.inFlight()).isZero();
            });
        }
    }

    @Test
    void aQueuedCommandThatWaitsTooLongIsAnsweredUnavailableAndNotSentLater() throws Exception {
        CountDownLatch leaderStuck = new CountDownLatch(1);
        CountDownLatch unstick = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        GatewayMetrics stuck = new GatewayMetrics(meters) {
            @Override
            public void handoffBatch(int commands) {
                if (first.getAndSet(false)) {
                    leaderStuck.countDown();
                    try {
                        unstick.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.handoffBatch(commands);
            }
        };
        // A queued command waits at most max-total plus one attempt: 1.5 s + 0.5 s + 1 s here.
        PlatformProperties platform = new PlatformProperties(TOKEN, PlatformProperties.InternalAuth.TOKEN, List.of(),
                Duration.ofMillis(500), Duration.ofSeconds(5));
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(TOKEN);
                OrchestratorClient client = new OrchestratorClient(platform, new HandoffProperties(
                        URI.create(orchestrator.url()), Duration.ofSeconds(1), Duration.ofMillis(1500),
                        Duration.ofSeconds(10), 1, 32), JsonMapper.builder().build(), stuck)) {
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                Future<HandoffResult> leader = startAsync(client, 0);
                leaderStuck.await();
                assertThat(client.start(request(1))).isInstanceOf(HandoffResult.Unavailable.class);
                assertThat(client.queued()).isZero();
                assertThat(client.inFlight()).isEqualTo(1);
                unstick.countDown();
                assertThat(leader.get()).isEqualTo(created(orchestrator, 0));
                assertThat(orchestrator.keysByCall()).containsExactly(keys(0));
                assertThat(client.inFlight()).isZero();
            });
        }
    }

    @Test
    void anInterruptedQueuedCommandStillGetsItsResultAndKeepsTheInterrupt() throws Exception {
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(TOKEN);
                OrchestratorClient client = patientClient(orchestrator.url(), 1, 32, new GatewayMetrics(meters))) {
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                FakeOrchestrator.Hold hold = orchestrator.holdNextCall();
                Future<HandoffResult> leader = startAsync(client, 0);
                hold.awaitArrived();
                AtomicReference<HandoffResult> result = new AtomicReference<>();
                AtomicBoolean stillInterrupted = new AtomicBoolean();
                Thread follower = new Thread(() -> {
                    result.set(client.start(request(1)));
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                });
                follower.start();
                awaitQueued(client, 1);
                follower.interrupt();
                hold.release();
                follower.join();

                assertThat(leader.get()).isEqualTo(created(orchestrator, 0));
                assertThat(result.get()).isEqualTo(created(orchestrator, 1));
                assertThat(stillInterrupted).isTrue();
                assertThat(orchestrator.keysByCall()).containsExactly(keys(0), keys(1));
            });
        }
    }

    @Test
    void concurrentDeliveriesEachGetTheirOwnJobInFewerCalls() throws Exception {
        int senders = 16;
        int each = 50;
        try (FakeOrchestrator orchestrator = new FakeOrchestrator(TOKEN);
                OrchestratorClient client = client(orchestrator.url())) {
            // Calls that take a moment, so that deliveries arrive while calls are in flight.
            orchestrator.delay(2);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<String>>> mismatches = new ArrayList<>();
                for (int t = 0; t < senders; t++) {
                    int sender = t;
                    mismatches.add(threads.submit(() -> {
                        go.await();
                        List<String> wrong = new ArrayList<>();
                        for (int n = 0; n < each; n++) {
                            long commentId = 1000L * (sender + 1) + n;
                            HandoffResult result;
                            try (CorrelationId.Scope ignored = CorrelationId.open("corr-" + commentId)) {
                                result = client.start(request(commentId));
                            }
                            if (!(result instanceof HandoffResult.Created created)
                                    || !created.jobId().equals(orchestrator.jobFor(key(commentId)))) {
                                wrong.add(commentId + ": " + result);
                            }
                        }
                        return wrong;
                    }));
                }
                go.countDown();
                for (Future<List<String>> wrong : mismatches) {
                    assertThat(wrong.get()).isEmpty();
                }
            });
            assertThat(orchestrator.jobsCreated()).isEqualTo(senders * each);
            assertThat(orchestrator.received()).hasSize(senders * each);
            assertThat(orchestrator.calls()).isLessThan(senders * each);
            assertThat(orchestrator.keysByCall()).allSatisfy(call -> assertThat(call).hasSizeBetween(1, 32));
            assertThat(orchestrator.received()).allSatisfy(
                    r -> assertThat(r.corrId()).isEqualTo("corr-" + r.body().path("commentId").asLong()));
            assertThat(client.queued()).isZero();
            assertThat(client.inFlight()).isZero();
        }
    }

    private Future<HandoffResult> startAsync(OrchestratorClient client, long commentId) {
        return startAsync(client, request(commentId), "corr-" + commentId);
    }

    private Future<HandoffResult> startAsync(OrchestratorClient client, StartJobRequest request, String corrId) {
        return threads.submit(() -> {
            try (CorrelationId.Scope ignored = CorrelationId.open(corrId)) {
                return client.start(request);
            }
        });
    }

    /**
     * Hands on commands 0..{@code last}: command 0 leads a call that the fake holds until 1..{@code last} have
     * queued behind it, in that order; then the call is released. Their results, by command.
     */
    private List<Future<HandoffResult>> queueBehindAHeldCall(FakeOrchestrator orchestrator, OrchestratorClient client,
            int last) throws Exception {
        FakeOrchestrator.Hold hold = orchestrator.holdNextCall();
        List<Future<HandoffResult>> results = new ArrayList<>();
        results.add(startAsync(client, 0));
        hold.awaitArrived();
        for (int i = 1; i <= last; i++) {
            results.add(startAsync(client, i));
            awaitQueued(client, i);
        }
        hold.release();
        return results;
    }

    /** Waits until {@code count} commands are queued: the order in which they queue is the test's. */
    private static void awaitQueued(OrchestratorClient client, int count) throws InterruptedException {
        while (client.queued() < count) {
            Thread.sleep(1);
        }
    }

    private static HandoffResult created(FakeOrchestrator orchestrator, long commentId) {
        String jobId = orchestrator.jobFor(key(commentId));
        return new HandoffResult.Created(jobId);
    }

    private static List<String> keys(long... commentIds) {
        return Arrays.stream(commentIds).mapToObj(OrchestratorClientTest::key).toList();
    }

    private OrchestratorClient client(String url) {
        PlatformProperties platform = new PlatformProperties(TOKEN, PlatformProperties.InternalAuth.TOKEN, List.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        HandoffProperties handoff = new HandoffProperties(URI.create(url), Duration.ofSeconds(2),
                Duration.ofMillis(4500), Duration.ofSeconds(10), 2, 32);
        return new OrchestratorClient(platform, handoff, JsonMapper.builder().build(), new GatewayMetrics(meters));
    }

    /** Read timeouts long enough that a call held by the test is never given up and repeated. */
    private static OrchestratorClient patientClient(String url, int maxInFlight, int batchSize, GatewayMetrics metrics) {
        PlatformProperties platform = new PlatformProperties(TOKEN, PlatformProperties.InternalAuth.TOKEN, List.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        HandoffProperties handoff = new HandoffProperties(URI.create(url), Duration.ofSeconds(30),
                Duration.ofSeconds(31), Duration.ofSeconds(10), maxInFlight, batchSize);
        return new OrchestratorClient(platform, handoff, JsonMapper.builder().build(), metrics);
    }

    private static String key(long commentId) {
        return StartJobRequest.keyOf(repository(), 1, 1, commentId);
    }

    private static RepositoryRef repository() {
        return new RepositoryRef(RepositoryRef.LOCAL, "local", "local", "demo", null);
    }

    private static StartJobRequest request(long commentId) {
        return withKey(new StartJobRequest(null, repository(), 1, 1, commentId, null,
                new Author("u1", "someone@example.com", "Someone"), CommandKind.EDIT, "rename it", 2, null,
                "refs/heads/feature", "refs/heads/main", null, "delivery-1",
                Instant.parse("2026-11-20T09:14:03.217Z")), key(commentId));
    }

    private static StartJobRequest withKey(StartJobRequest r, String key) {
        return new StartJobRequest(key, r.repository(), r.pullRequestId(), r.threadId(), r.commentId(),
                r.parentCommentId(), r.author(), r.kind(), r.intent(), r.variants(), r.rejectionReason(), r.sourceRef(),
                r.targetRef(), r.sourceCommit(), r.deliveryId(), r.commentUpdatedAt());
    }
}
