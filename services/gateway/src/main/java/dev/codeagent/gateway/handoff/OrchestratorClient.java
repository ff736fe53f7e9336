package dev.codeagent.gateway.handoff;

import dev.codeagent.contracts.Headers;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.gateway.metrics.GatewayMetrics;
import dev.codeagent.platform.http.ServiceHttpClients;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Hands a command to the orchestrator's start API. The call is idempotent (the key travels in the body
 * and in {@code Idempotency-Key}), so transient failures — no connection, timeout, 5xx, 429 — are retried
 * with a short backoff, but only while another attempt can still finish inside {@code maxTotal}.
 */
@Component
public class OrchestratorClient {

    static final String START_PATH = "/api/orchestrators/edit-variants";
    private static final Logger log = LoggerFactory.getLogger(OrchestratorClient.class);
    /** Enough for every request thread of the servlet container to hold a connection at once. */
    private static final int MAX_CONNECTIONS = 256;
    private static final long INITIAL_BACKOFF_NANOS = Duration.ofMillis(100).toNanos();

    private final RestClient client;
    private final HandoffProperties properties;
    private final GatewayMetrics metrics;
    private final long attemptBudgetNanos;
    private final long maxTotalNanos;

    public OrchestratorClient(ServiceHttpClients clients, HandoffProperties properties, GatewayMetrics metrics) {
        // The platform client brings the base URL, the internal token and the correlation id; its request
        // factory is swapped for a pooled blocking one (see HandoffRequestFactory for why).
        this.client = clients.forService(properties.orchestratorUrl().toString(), properties.timeout()).mutate()
                .requestFactory(HandoffRequestFactory.create(clients.connectTimeout(), properties.timeout(),
                        MAX_CONNECTIONS))
                .build();
        this.properties = properties;
        this.metrics = metrics;
        this.attemptBudgetNanos = clients.connectTimeout().plus(properties.timeout()).toNanos();
        this.maxTotalNanos = properties.maxTotal().toNanos();
        if (attemptBudgetNanos > maxTotalNanos) {
            throw new IllegalStateException("CODEAGENT_HANDOFF_MAX_TOTAL (" + properties.maxTotal() + ") must "
                    + "be at least CODEAGENT_HTTP_CONNECT_TIMEOUT + CODEAGENT_HANDOFF_TIMEOUT ("
                    + Duration.ofNanos(attemptBudgetNanos) + ") so that one attempt fits.");
        }
    }

    public HandoffResult start(StartJobRequest request) {
        long started = System.nanoTime();
        long backoff = INITIAL_BACKOFF_NANOS;
        String lastProblem;
        while (true) {
            Attempt attempt = attempt(request);
            if (attempt.result() != null) {
                record(attempt.result(), started);
                return attempt.result();
            }
            lastProblem = attempt.transientProblem();
            metrics.handoffError(attempt.errorTag());
            long elapsed = System.nanoTime() - started;
            if (elapsed + backoff + attemptBudgetNanos > maxTotalNanos) {
                break;
            }
            sleep(backoff);
            backoff *= 2;
        }
        log.warn("Orchestrator unavailable for {}: {}", request.idempotencyKey(), lastProblem);
        HandoffResult result = new HandoffResult.Unavailable(
                "The orchestrator is not reachable right now (" + lastProblem + "); please retry.",
                properties.retryAfter());
        record(result, started);
        return result;
    }

    private Attempt attempt(StartJobRequest request) {
        try {
            return client.post()
                    .uri(START_PATH)
                    .header(Headers.IDEMPOTENCY_KEY, IdempotencyHeader.encode(request.idempotencyKey()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(request)
                    .exchange((req, res) -> {
                        int status = res.getStatusCode().value();
                        if (status == 200 || status == 201 || status == 202) {
                            StartJobResponse body = res.bodyTo(StartJobResponse.class);
                            return Attempt.of(answer(status, body));
                        }
                        if (status >= 500 || status == 429 || status == 408) {
                            return Attempt.failed("answer " + status, "status-" + status);
                        }
                        return Attempt.of(new HandoffResult.Refused(status,
                                "The orchestrator refused the command with status " + status + "."));
                    }, true);
        } catch (RestClientException e) {
            Throwable cause = e.getMostSpecificCause();
            if (cause instanceof ConnectException) {
                return Attempt.failed("connection refused", "connect");
            }
            if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException
                    || cause instanceof InterruptedIOException) {
                return Attempt.failed("timed out after " + properties.timeout(), "timeout");
            }
            if (e.getCause() instanceof java.io.IOException) {
                return Attempt.failed(cause.getClass().getSimpleName(), "io");
            }
            // A body we cannot read is as good as no answer, and the call is safe to repeat.
            return Attempt.failed("unreadable answer", "invalid-answer");
        }
    }

    private static HandoffResult answer(int status, StartJobResponse body) {
        if (body == null || body.id() == null || body.id().isBlank()) {
            return new HandoffResult.Refused(502, "The orchestrator answered " + status + " without a job id.");
        }
        boolean created = status == 202 || status == 201 || (status == 200 && body.created());
        return created ? new HandoffResult.Created(body.id(), body.statusQueryGetUri())
                : new HandoffResult.Existing(body.id(), body.statusQueryGetUri());
    }

    private void record(HandoffResult result, long started) {
        String outcome;
        if (result instanceof HandoffResult.Created) {
            outcome = "created";
        } else if (result instanceof HandoffResult.Existing) {
            outcome = "existing";
        } else if (result instanceof HandoffResult.Unavailable) {
            outcome = "unavailable";
        } else {
            outcome = "refused";
            metrics.handoffError("refused");
            log.warn("Orchestrator refused a command: {}", ((HandoffResult.Refused) result).detail());
        }
        metrics.handoff(outcome, System.nanoTime() - started);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One attempt: a final result, or a transient problem worth another try. */
    private record Attempt(HandoffResult result, String transientProblem, String errorTag) {
        static Attempt of(HandoffResult result) {
            return new Attempt(result, null, null);
        }

        static Attempt failed(String problem, String tag) {
            return new Attempt(null, problem, tag);
        }
    }
}
