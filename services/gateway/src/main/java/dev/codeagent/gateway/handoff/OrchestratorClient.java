package dev.codeagent.gateway.handoff;

import dev.codeagent.contracts.Headers;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.gateway.metrics.GatewayMetrics;
import dev.codeagent.platform.PlatformProperties;
import dev.codeagent.platform.web.CorrelationId;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands a command to the orchestrator's start API. The call is idempotent (the key travels in the body
 * and in {@code Idempotency-Key}), so transient failures — no connection, timeout, 5xx, 429 — are retried
 * with a short backoff, but only while another attempt can still finish inside {@code maxTotal}.
 *
 * <p>This is the gateway's hot path, so it uses a lean HTTP transport ({@link HandoffHttpClient})
 * instead of a {@code RestClient}: the body is serialised once into bytes (before the first attempt, not
 * per retry), and the call skips the message-converter, interceptor and client-observation layers, which
 * together cost more CPU than the HTTP exchange itself (see docs/PERFORMANCE.md, Gateway). It sends what
 * the platform's service clients send: the internal bearer token and the correlation id in scope.
 * {@code codeagent.gateway.handoff} (timer) and {@code codeagent.gateway.handoff.errors} measure it.
 */
@Component
public class OrchestratorClient implements AutoCloseable {

    static final String START_PATH = "/api/orchestrators/edit-variants";
    private static final Logger log = LoggerFactory.getLogger(OrchestratorClient.class);
    /** Enough for every request thread of the servlet container to hold a connection at once. */
    private static final int MAX_CONNECTIONS = 256;
    /** A start answer is a few hundred bytes; anything far larger is not one. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final long INITIAL_BACKOFF_NANOS = Duration.ofMillis(100).toNanos();
    private static final ContentType JSON = ContentType.create("application/json");

    private final HandoffHttpClient http;
    private final String startPath;
    private final String authorization;
    private final JsonMapper jsonMapper;
    private final HandoffProperties properties;
    private final GatewayMetrics metrics;
    private final long attemptBudgetNanos;
    private final long maxTotalNanos;

    public OrchestratorClient(PlatformProperties platform, HandoffProperties properties, JsonMapper jsonMapper,
            GatewayMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
        this.jsonMapper = jsonMapper;
        this.startPath = startPath(properties.orchestratorUrl());
        this.authorization = platform.internalToken() == null ? null : "Bearer " + platform.internalToken();
        this.attemptBudgetNanos = platform.connectTimeout().plus(properties.timeout()).toNanos();
        this.maxTotalNanos = properties.maxTotal().toNanos();
        if (attemptBudgetNanos > maxTotalNanos) {
            throw new IllegalStateException("CODEAGENT_HANDOFF_MAX_TOTAL (" + properties.maxTotal() + ") must "
                    + "be at least CODEAGENT_HTTP_CONNECT_TIMEOUT + CODEAGENT_HANDOFF_TIMEOUT ("
                    + Duration.ofNanos(attemptBudgetNanos) + ") so that one attempt fits.");
        }
        this.http = new HandoffHttpClient(properties.orchestratorUrl(), platform.connectTimeout(), properties.timeout(),
                MAX_CONNECTIONS);
    }

    /** The start API's path under the configured base URL, which may itself have a path (behind a proxy). */
    static String startPath(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + START_PATH;
    }

    public HandoffResult start(StartJobRequest request) {
        long started = System.nanoTime();
        byte[] body = jsonMapper.writeValueAsBytes(request);
        String idempotencyKey = IdempotencyHeader.encode(request.idempotencyKey());
        long backoff = INITIAL_BACKOFF_NANOS;
        String lastProblem;
        while (true) {
            Attempt attempt = attempt(body, idempotencyKey);
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

    private Attempt attempt(byte[] body, String idempotencyKey) {
        BasicClassicHttpRequest post = new BasicClassicHttpRequest(Method.POST, startPath);
        post.setHeader(Headers.IDEMPOTENCY_KEY, idempotencyKey);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (authorization != null) {
            post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        String corrId = CorrelationId.current();
        if (corrId != null) {
            post.setHeader(Headers.CORRELATION_ID, corrId);
        }
        post.setEntity(new ByteArrayEntity(body, JSON));
        try {
            // execute(request, handler) releases the connection to the pool after the handler, whatever it returns.
            return http.execute(post, this::interpret);
        } catch (ConnectException e) {
            return Attempt.failed("connection refused", "connect");
        } catch (InterruptedIOException e) {
            // Socket and connect timeouts, and a pool that had no connection to lend in time.
            return Attempt.failed("timed out after " + properties.timeout(), "timeout");
        } catch (JacksonException | UnreadableAnswer e) {
            // A body we cannot read is as good as no answer, and the call is safe to repeat.
            return Attempt.failed("unreadable answer", "invalid-answer");
        } catch (IOException | HttpException e) {
            return Attempt.failed(e.getClass().getSimpleName(), "io");
        }
    }

    private Attempt interpret(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status == 200 || status == 201 || status == 202) {
            return Attempt.of(answer(status, readAnswer(response.getEntity())));
        }
        if (status >= 500 || status == 429 || status == 408) {
            return Attempt.failed("answer " + status, "status-" + status);
        }
        return Attempt.of(new HandoffResult.Refused(status,
                "The orchestrator refused the command with status " + status + "."));
    }

    /**
     * The answer's body, or null when it has none. Read into a buffer of the declared length (or a small
     * one that grows, for a chunked answer): {@code InputStream.readNBytes} would allocate 8 KiB per call,
     * which was the gateway's largest single source of garbage.
     */
    private StartJobResponse readAnswer(HttpEntity entity) throws IOException {
        if (entity == null) {
            return null;
        }
        long declared = entity.getContentLength();
        if (declared > MAX_ANSWER_BYTES) {
            throw new UnreadableAnswer();
        }
        byte[] bytes = new byte[declared >= 0 ? (int) declared : 512];
        int length = 0;
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return null;
            }
            while (true) {
                if (length == bytes.length) {
                    if (declared >= 0 || length > MAX_ANSWER_BYTES) {
                        break;
                    }
                    bytes = Arrays.copyOf(bytes, Math.min(2 * length, MAX_ANSWER_BYTES + 1));
                }
                int read = in.read(bytes, length, bytes.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
        }
        if (length > MAX_ANSWER_BYTES) {
            throw new UnreadableAnswer();
        }
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return jsonMapper.readValue(bytes, 0, length, StartJobResponse.class);
            }
        }
        return null;
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

    /** An answer too large to be a start answer. */
    private static final class UnreadableAnswer extends IOException {
        UnreadableAnswer() {
            super("answer larger than " + MAX_ANSWER_BYTES + " bytes");
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

    @Override
    public void close() {
        http.close();
    }
}
