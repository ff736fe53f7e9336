package dev.codeagent.gateway.handoff;

import dev.codeagent.contracts.Headers;
import dev.codeagent.contracts.command.StartJobBatchItem;
import dev.codeagent.contracts.command.StartJobBatchResponse;
import dev.codeagent.contracts.command.StartJobBatchResult;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.gateway.metrics.GatewayMetrics;
import dev.codeagent.gateway.text.LogText;
import dev.codeagent.platform.PlatformProperties;
import dev.codeagent.platform.web.CorrelationId;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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
 * Hands commands to the orchestrator's batch start API. Commands that arrive while earlier calls are in
 * flight travel together in one call ({@link HandoffBatcher}); a command alone is a call of one item.
 * Every item is idempotent by its key, so a call that fails transiently — no connection, timeout, 5xx,
 * 429, an answer that cannot be read — is repeated as a whole with a short backoff, but only while another
 * attempt can still finish inside {@code maxTotal} (counted from the oldest command's arrival).
 *
 * <p>This is the gateway's hot path, so it uses a lean HTTP transport ({@link HandoffHttpClient})
 * instead of a {@code RestClient}: each command is serialised into bytes by its own request thread, the
 * batch's body is put together once (not per retry), and the call skips the message-converter,
 * interceptor and client-observation layers, which together cost more CPU than the HTTP exchange itself
 * (see docs/PERFORMANCE.md, Gateway). It sends what the platform's service clients send: the internal
 * bearer token and the correlation id in scope (the leading delivery's; each item carries its own).
 * {@code codeagent.gateway.handoff} (timer, per command), {@code codeagent.gateway.handoff.errors} (per
 * failed call) and {@code codeagent.gateway.handoff.batch.size} (commands per batch) measure it.
 */
@Component
public class OrchestratorClient implements AutoCloseable {

    static final String BATCH_PATH = "/api/orchestrators/edit-variants/batch";
    private static final Logger log = LoggerFactory.getLogger(OrchestratorClient.class);
    /** An answer has about 300 bytes per command; anything far larger than a full batch's is not one. */
    private static final int MAX_ANSWER_BYTES = 256 * 1024;
    private static final int ANSWER_BYTES_PER_COMMAND = 384;
    /** Longest refusal reason passed on from the orchestrator to the delivery's answer. */
    private static final int MAX_DETAIL_LENGTH = 500;
    private static final long INITIAL_BACKOFF_NANOS = Duration.ofMillis(100).toNanos();
    private static final ContentType JSON = ContentType.create("application/json");
    private static final byte[] BODY_START = "{\"items\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY_END = "]}".getBytes(StandardCharsets.US_ASCII);

    private final HandoffHttpClient http;
    private final HandoffBatcher batcher;
    private final String batchPath;
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
        this.batchPath = batchPath(properties.orchestratorUrl());
        this.authorization = platform.internalToken() == null ? null : "Bearer " + platform.internalToken();
        Duration attemptBudget = platform.connectTimeout().plus(properties.timeout());
        this.attemptBudgetNanos = attemptBudget.toNanos();
        this.maxTotalNanos = properties.maxTotal().toNanos();
        if (attemptBudgetNanos > maxTotalNanos) {
            throw new IllegalStateException("CODEAGENT_HANDOFF_MAX_TOTAL (" + properties.maxTotal() + ") must "
                    + "be at least CODEAGENT_HTTP_CONNECT_TIMEOUT + CODEAGENT_HANDOFF_TIMEOUT ("
                    + attemptBudget + ") so that one attempt fits.");
        }
        // A queued command's batch ends within maxTotal of the batch's oldest command, or one attempt
        // after the batch started when that was late; waiting longer means something is stuck.
        this.batcher = new HandoffBatcher(properties.maxInFlight(), properties.batchSize(),
                properties.maxTotal().plus(attemptBudget), properties.retryAfter(), this::send);
        // Only leaders call, so this many connections are never waited for.
        this.http = new HandoffHttpClient(properties.orchestratorUrl(), platform.connectTimeout(), properties.timeout(),
                properties.maxInFlight());
    }

    /** The batch API's path under the configured base URL, which may itself have a path (behind a proxy). */
    static String batchPath(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + BATCH_PATH;
    }

    public HandoffResult start(StartJobRequest request) {
        long started = System.nanoTime();
        byte[] item = jsonMapper.writeValueAsBytes(new StartJobBatchItem(CorrelationId.current(), request));
        HandoffResult result = batcher.submit(item, started);
        record(result, started);
        return result;
    }

    /** Commands waiting for a call (for tests). */
    int queued() {
        return batcher.queued();
    }

    /** Calls in flight (for tests). */
    int inFlight() {
        return batcher.inFlight();
    }

    /** One batch, retried as a whole; runs in the leading request thread. */
    private List<HandoffResult> send(List<byte[]> items, long started) {
        metrics.handoffBatch(items.size());
        byte[] body = body(items);
        long backoff = INITIAL_BACKOFF_NANOS;
        String lastProblem;
        while (true) {
            Attempt attempt = attempt(body, items.size());
            if (attempt.results() != null) {
                return attempt.results();
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
        log.warn("Orchestrator unavailable for {} command(s): {}", items.size(), lastProblem);
        return Collections.nCopies(items.size(), new HandoffResult.Unavailable(
                "The orchestrator is not reachable right now (" + lastProblem + "); please retry.",
                properties.retryAfter()));
    }

    /** A {@code StartJobBatchRequest} from items that their own threads serialised already. */
    private static byte[] body(List<byte[]> items) {
        int length = BODY_START.length + BODY_END.length + items.size() - 1;
        for (byte[] item : items) {
            length += item.length;
        }
        byte[] body = new byte[length];
        System.arraycopy(BODY_START, 0, body, 0, BODY_START.length);
        int at = BODY_START.length;
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            byte[] item = items.get(i);
            System.arraycopy(item, 0, body, at, item.length);
            at += item.length;
        }
        System.arraycopy(BODY_END, 0, body, at, BODY_END.length);
        return body;
    }

    private Attempt attempt(byte[] body, int count) {
        BasicClassicHttpRequest post = new BasicClassicHttpRequest(Method.POST, batchPath);
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
            return http.execute(post, response -> interpret(response, count));
        } catch (ConnectException e) {
            return Attempt.failed("connection refused", "connect");
        } catch (InterruptedIOException e) {
            // Socket and connect timeouts, and a pool that had no connection to lend in time.
            return Attempt.failed("timed out after " + properties.timeout(), "timeout");
        } catch (JacksonException e) {
            // A body we cannot read is as good as no answer, and the call is safe to repeat.
            return Attempt.failed("unreadable answer", "invalid-answer");
        } catch (InvalidAnswer e) {
            return Attempt.failed(e.getMessage(), "invalid-answer");
        } catch (IOException | HttpException e) {
            return Attempt.failed(e.getClass().getSimpleName(), "io");
        }
    }

    private Attempt interpret(ClassicHttpResponse response, int count) throws IOException {
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            return Attempt.of(results(readAnswer(response.getEntity(), count), count, properties.retryAfter()));
        }
        if (status >= 500 || status == 429 || status == 408) {
            return Attempt.failed("answer " + status, "status-" + status);
        }
        return Attempt.of(Collections.nCopies(count, new HandoffResult.Refused(status,
                "The orchestrator refused the command with status " + status + ".")));
    }

    /**
     * The answer's body, or null when it has none. Read into a buffer of the declared length (or one sized
     * for the batch that grows, for a chunked answer): {@code InputStream.readNBytes} would allocate 8 KiB
     * per call, which was the gateway's largest single source of garbage.
     */
    private StartJobBatchResponse readAnswer(HttpEntity entity, int count) throws IOException {
        if (entity == null) {
            return null;
        }
        long declared = entity.getContentLength();
        if (declared > MAX_ANSWER_BYTES) {
            throw new InvalidAnswer("answer larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        byte[] bytes = new byte[declared >= 0 ? (int) declared
                : Math.min(MAX_ANSWER_BYTES, ANSWER_BYTES_PER_COMMAND * count)];
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
            throw new InvalidAnswer("answer larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return jsonMapper.readValue(bytes, 0, length, StartJobBatchResponse.class);
            }
        }
        return null;
    }

    /**
     * One result per command. An answer that does not fit the batch is no answer: the call is repeated,
     * as a whole, like any other failed call.
     */
    private static List<HandoffResult> results(StartJobBatchResponse answer, int count, Duration retryAfter)
            throws InvalidAnswer {
        if (answer == null || answer.results() == null) {
            throw new InvalidAnswer("answer without results");
        }
        if (answer.results().size() != count) {
            throw new InvalidAnswer("answer with " + answer.results().size() + " results for " + count
                    + " commands");
        }
        HandoffResult[] results = new HandoffResult[count];
        for (int i = 0; i < count; i++) {
            results[i] = result(answer.results().get(i), retryAfter);
        }
        return Arrays.asList(results);
    }

    private static HandoffResult result(StartJobBatchResult answer, Duration retryAfter) throws InvalidAnswer {
        if (answer == null) {
            throw new InvalidAnswer("answer with an empty result");
        }
        int status = answer.status();
        if (status == 202 || status == 200) {
            StartJobResponse job = answer.job();
            if (job == null || job.id() == null || job.id().isBlank()) {
                throw new InvalidAnswer("answer " + status + " without a job id");
            }
            // The orchestrator's status URL is internal; deliveries are answered with the dashboard's.
            return status == 202 ? new HandoffResult.Created(job.id()) : new HandoffResult.Existing(job.id());
        }
        if (status >= 400 && status < 500) {
            return new HandoffResult.Refused(status, "The orchestrator refused the command: " + reason(answer));
        }
        if (status == 503) {
            // At capacity: passing trouble for this command alone, which Azure DevOps retries for a few minutes
            // (503) instead of counting it against the subscription. Repeating the batch now would not help.
            return new HandoffResult.Unavailable(reason(answer), retryAfter);
        }
        throw new InvalidAnswer("answer with a result of status " + status);
    }

    private static String reason(StartJobBatchResult answer) {
        String reason = answer.detail() != null ? answer.detail()
                : answer.title() != null ? answer.title() : "status " + answer.status();
        return reason.length() > MAX_DETAIL_LENGTH ? reason.substring(0, MAX_DETAIL_LENGTH) + "..." : reason;
    }

    /** The {@code outcome} tag of the hand-off timer. */
    private static final HandoffResult.Visitor<String> OUTCOME_TAGS = new HandoffResult.Visitor<>() {
        @Override public String created(HandoffResult.Created result) { return "created"; }
        @Override public String existing(HandoffResult.Existing result) { return "existing"; }
        @Override public String unavailable(HandoffResult.Unavailable result) { return "unavailable"; }
        @Override public String refused(HandoffResult.Refused result) { return "refused"; }
    };

    private void record(HandoffResult result, long started) {
        if (result instanceof HandoffResult.Refused refused) {
            metrics.handoffError("refused");
            // The reason may quote the command's names or text back.
            log.warn("Orchestrator refused a command: {}", LogText.escape(refused.detail()));
        }
        metrics.handoff(result.accept(OUTCOME_TAGS), System.nanoTime() - started);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An answer that is not one to the batch sent: too large, or not one result per command. */
    private static final class InvalidAnswer extends IOException {
        InvalidAnswer(String problem) {
            super(problem);
        }
    }

    /** One attempt: a result per command, or a transient problem worth another try. */
    private record Attempt(List<HandoffResult> results, String transientProblem, String errorTag) {
        static Attempt of(List<HandoffResult> results) {
            return new Attempt(results, null, null);
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
