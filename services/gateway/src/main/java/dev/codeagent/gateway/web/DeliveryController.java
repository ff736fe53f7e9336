package dev.codeagent.gateway.web;

import dev.codeagent.contracts.Headers;
import dev.codeagent.gateway.auth.DeliveryAge;
import dev.codeagent.gateway.auth.WebhookAuthenticator;
import dev.codeagent.gateway.auth.WebhookProperties;
import dev.codeagent.gateway.delivery.AdoDeliveryReader;
import dev.codeagent.gateway.delivery.CommentEvent;
import dev.codeagent.gateway.delivery.CommentEventReader;
import dev.codeagent.gateway.delivery.ReadResult;
import dev.codeagent.gateway.delivery.RequestBodies;
import dev.codeagent.gateway.intake.CommentIntake;
import dev.codeagent.gateway.intake.IntakeOutcome;
import dev.codeagent.gateway.metrics.GatewayMetrics;
import dev.codeagent.gateway.scope.ScopeProperties;
import dev.codeagent.platform.web.CorrelationId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public delivery endpoints: {@code POST /webhook/ado} (Azure DevOps service hooks) and
 * {@code POST /api/comment-events} (the provider-neutral form). Both authenticate, read the body once
 * into a JSON tree within the size limit, and hand the comment to {@link CommentIntake}.
 */
@RestController
public class DeliveryController {

    static final String ADO = "ado";
    static final String COMMENT_EVENTS = "comment-events";
    private static final Logger log = LoggerFactory.getLogger(DeliveryController.class);
    private static final Duration RETRY_AFTER_ON_ERROR = Duration.ofSeconds(10);

    private final WebhookAuthenticator authenticator;
    private final DeliveryAge deliveryAge;
    private final CommentIntake intake;
    private final GatewayMetrics metrics;
    private final JsonMapper jsonMapper;
    private final DeliveryAnswers answers;
    private final int maxBodyBytes;
    private final AdoDeliveryReader adoReader;
    private final CommentEventReader commentEventReader = new CommentEventReader();

    public DeliveryController(WebhookAuthenticator authenticator, DeliveryAge deliveryAge, CommentIntake intake,
            GatewayMetrics metrics, JsonMapper jsonMapper, WebhookProperties properties, ScopeProperties scope,
            DashboardProperties dashboard) {
        this.authenticator = authenticator;
        this.deliveryAge = deliveryAge;
        this.intake = intake;
        this.metrics = metrics;
        this.jsonMapper = jsonMapper;
        this.answers = new DeliveryAnswers(jsonMapper, dashboard.url());
        this.maxBodyBytes = (int) properties.maxBodySize().toBytes();
        this.adoReader = new AdoDeliveryReader(scope.adoOrganization());
    }

    @PostMapping("/webhook/ado")
    public ResponseEntity<Object> azureDevOps(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return send(handle(ADO, request, response, adoReader::read), response);
    }

    @PostMapping("/api/comment-events")
    public ResponseEntity<Object> commentEvent(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return send(handle(COMMENT_EVENTS, request, response, commentEventReader::read), response);
    }

    /**
     * Writes a JSON answer whose body {@link DeliveryAnswers} already serialised straight to the response
     * and returns null, which tells Spring MVC that the request is handled; problem answers go through
     * Spring MVC's converters as usual. Skipping return-value handling and converter selection for the
     * common answers (202, and 200 for ignored and duplicate deliveries) saved about a tenth of a
     * delivery's CPU time in the gateway benchmark (docs/PERFORMANCE.md, Gateway).
     */
    private static ResponseEntity<Object> send(ResponseEntity<Object> answer, HttpServletResponse response)
            throws IOException {
        if (!(answer.getBody() instanceof byte[] body)) {
            return answer;
        }
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return null;
    }

    private ResponseEntity<Object> handle(String endpoint, HttpServletRequest request, HttpServletResponse response,
            Function<JsonNode, ReadResult> reader) {
        long started = System.nanoTime();
        WebhookAuthenticator.Result auth = authenticator.check(request.getHeader(HttpHeaders.AUTHORIZATION),
                request.getHeader(authenticator.secretHeader()));
        if (auth != WebhookAuthenticator.Result.OK) {
            metrics.authFailure(endpoint, auth.metricTag());
            metrics.delivery(endpoint, "unknown", "unauthorized", started);
            return answers.unauthorized(authenticator.challenge(), auth == WebhookAuthenticator.Result
                    .NOT_CONFIGURED ? "This gateway has no webhook credentials configured, so it accepts no "
                    + "deliveries." : "This endpoint needs the webhook credentials (HTTP Basic and/or the "
                    + authenticator.secretHeader() + " header, as configured).");
        }
        JsonNode root;
        try {
            RequestBodies.Body body = RequestBodies.read(request.getInputStream(), request.getContentLengthLong(),
                    maxBodyBytes);
            root = jsonMapper.readTree(body.bytes(), 0, body.length());
        } catch (RequestBodies.TooLargeException e) {
            metrics.delivery(endpoint, "unknown", "too-large", started);
            return answers.tooLarge(maxBodyBytes);
        } catch (JacksonException e) {
            metrics.delivery(endpoint, "unknown", "bad-request", started);
            return answers.badRequest("The request body is not valid JSON: " + firstLine(e), List.of());
        } catch (IOException e) {
            metrics.delivery(endpoint, "unknown", "bad-request", started);
            return answers.badRequest("The request body could not be read.", List.of());
        }
        try {
            return dispatch(endpoint, reader.apply(root), request, response, started);
        } catch (RuntimeException e) {
            // A bug must not make Azure DevOps disable the subscription: 503 is retried, 500 is not.
            log.error("Delivery failed unexpectedly", e);
            metrics.delivery(endpoint, "unknown", "error", started);
            return answers.unavailable("The gateway failed unexpectedly; the log has details under this "
                    + "correlation id.", RETRY_AFTER_ON_ERROR);
        }
    }

    private ResponseEntity<Object> dispatch(String endpoint, ReadResult read, HttpServletRequest request,
            HttpServletResponse response, long started) {
        return read.accept(new ReadResult.Visitor<>() {
            @Override
            public ResponseEntity<Object> invalid(ReadResult.Invalid invalid) {
                metrics.delivery(endpoint, "unknown", "bad-request", started);
                return answers.badRequest(invalid.detail(), invalid.fields());
            }

            @Override
            public ResponseEntity<Object> ignored(ReadResult.Ignored ignored) {
                metrics.delivery(endpoint, eventTag(ignored.eventType()), "ignored", started);
                return answers.ignored(ignored.reason());
            }

            @Override
            public ResponseEntity<Object> event(ReadResult.Event delivered) {
                CommentEvent event = delivered.event();
                String tooOld = event.createdAt() == null ? null : deliveryAge.refusal(event.createdAt());
                if (tooOld != null) {
                    metrics.delivery(endpoint, eventTag(event.eventType()), "stale", started);
                    return answers.badRequest(tooOld, List.of("createdDate"));
                }
                return handleEvent(endpoint, event, request, response, started);
            }
        });
    }

    private ResponseEntity<Object> handleEvent(String endpoint, CommentEvent event, HttpServletRequest request,
            HttpServletResponse response, long started) {
        // Without a caller-supplied correlation id, the delivery id ties our logs to Azure DevOps' history.
        if (request.getHeader(Headers.CORRELATION_ID) == null && event.deliveryId() != null) {
            String corrId = CorrelationId.acceptOrGenerate(event.deliveryId());
            response.setHeader(Headers.CORRELATION_ID, corrId);
            try (CorrelationId.Scope ignored = CorrelationId.open(corrId)) {
                return answer(endpoint, event, started);
            }
        }
        return answer(endpoint, event, started);
    }

    private ResponseEntity<Object> answer(String endpoint, CommentEvent event, long started) {
        IntakeOutcome outcome = intake.handle(event);
        metrics.delivery(endpoint, eventTag(event.eventType()), outcome.accept(OUTCOME_TAGS), started);
        return answers.of(outcome);
    }

    /** The {@code outcome} tag of the delivery metrics. */
    private static final IntakeOutcome.Visitor<String> OUTCOME_TAGS = new IntakeOutcome.Visitor<>() {
        @Override public String ignored(IntakeOutcome.Ignored outcome) { return "ignored"; }
        @Override public String accepted(IntakeOutcome.Accepted outcome) { return "accepted"; }
        @Override public String duplicate(IntakeOutcome.Duplicate outcome) { return "duplicate"; }
        @Override public String rateLimited(IntakeOutcome.RateLimited outcome) { return "rate-limited"; }
        @Override public String unavailable(IntakeOutcome.Unavailable outcome) { return "unavailable"; }
        @Override public String refused(IntakeOutcome.Refused outcome) { return "refused"; }
        @Override public String forbidden(IntakeOutcome.Forbidden outcome) { return "forbidden"; }
    };

    /** Metric tag for an event type; anything unexpected collapses to "other" to keep cardinality fixed. */
    private static String eventTag(String eventType) {
        if (AdoDeliveryReader.COMMENT_EVENT.equals(eventType) || CommentEventReader.EVENT_TYPE.equals(eventType)) {
            return eventType;
        }
        return "other";
    }

    private static String firstLine(JacksonException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int cut = message.indexOf('\n');
        message = cut > 0 ? message.substring(0, cut) : message;
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
