package dev.codeagent.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.gateway.intake.IntakeOutcome;
import dev.codeagent.platform.web.ProblemResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP answers of the delivery endpoints. Azure DevOps retries 408/502/503/504 and puts a
 * subscription on probation after any other failure (and disables it at once on 410), so a delivery is
 * never answered with 404, 410 or 500: passing trouble is a 503 with {@code Retry-After}.
 */
final class DeliveryAnswers implements IntakeOutcome.Visitor<ResponseEntity<Object>> {

    private final JsonMapper json;
    private final String dashboardUrl;

    /** @param dashboardUrl base of the public job pages; null to answer without {@code statusUrl} */
    DeliveryAnswers(JsonMapper json, String dashboardUrl) {
        this.json = json;
        this.dashboardUrl = dashboardUrl;
    }

    /** 202 body for a new job. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JobAccepted(String jobId, String statusUrl) {
    }

    /** 200 body for a delivery of a command that already has its job. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JobExists(String jobId, String statusUrl, boolean duplicate) {
    }

    /** 200 body for a delivery that needs nothing done. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ignored(String ignored, String jobId, String statusUrl) {
    }

    ResponseEntity<Object> of(IntakeOutcome outcome) {
        return outcome.accept(this);
    }

    @Override
    public ResponseEntity<Object> accepted(IntakeOutcome.Accepted accepted) {
        return json(HttpStatus.ACCEPTED, new JobAccepted(accepted.jobId(), statusUrl(accepted.jobId())));
    }

    @Override
    public ResponseEntity<Object> duplicate(IntakeOutcome.Duplicate duplicate) {
        return json(HttpStatus.OK, new JobExists(duplicate.jobId(), statusUrl(duplicate.jobId()), true));
    }

    @Override
    public ResponseEntity<Object> ignored(IntakeOutcome.Ignored ignored) {
        return json(HttpStatus.OK, new Ignored(ignored.reason(), ignored.jobId(), statusUrl(ignored.jobId())));
    }

    /**
     * The job's page on the dashboard, never the orchestrator's status URL: that is an internal address,
     * and the sender (Azure DevOps, or whoever holds the webhook credentials) has no business with it.
     */
    private String statusUrl(String jobId) {
        return jobId == null || dashboardUrl == null ? null
                : dashboardUrl + "/jobs/" + UriUtils.encodePathSegment(jobId, StandardCharsets.UTF_8);
    }

    @Override
    public ResponseEntity<Object> rateLimited(IntakeOutcome.RateLimited limited) {
        return ProblemResponse.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many commands",
                "Too many commands from this " + limited.scope() + "; try again later.")
                .retryAfter(limited.retryAfter()).toResponseEntity();
    }

    @Override
    public ResponseEntity<Object> unavailable(IntakeOutcome.Unavailable unavailable) {
        return unavailable(unavailable.detail(), unavailable.retryAfter());
    }

    @Override
    public ResponseEntity<Object> refused(IntakeOutcome.Refused refused) {
        return ProblemResponse.of(HttpStatus.BAD_GATEWAY, ProblemTypes.UNAVAILABLE,
                "Orchestrator refused the command", refused.detail()).toResponseEntity();
    }

    @Override
    public ResponseEntity<Object> forbidden(IntakeOutcome.Forbidden forbidden) {
        return ProblemResponse.of(HttpStatus.FORBIDDEN, ProblemTypes.PERMISSION,
                "Delivery outside this gateway's scope", forbidden.detail()).toResponseEntity();
    }

    /** 200 for a delivery that is not a comment the gateway handles. */
    ResponseEntity<Object> ignored(String reason) {
        return json(HttpStatus.OK, new Ignored(reason, null, null));
    }

    /**
     * A JSON answer serialised here, with its content type set: the delivery endpoints only ever speak
     * JSON (a sender with an odd {@code Accept} header gets JSON, not a 406 that Azure DevOps would count
     * as a failure), and a body of known length goes out with {@code Content-Length} in one write instead
     * of chunked. {@code DeliveryController} writes such answers to the response itself.
     */
    private ResponseEntity<Object> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
    }

    ResponseEntity<Object> unauthorized(String challenge, String detail) {
        return ProblemResponse.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).toResponseEntity();
    }

    ResponseEntity<Object> badRequest(String detail, List<String> fields) {
        ProblemResponse problem = ProblemResponse.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Bad request",
                detail);
        if (!fields.isEmpty()) {
            problem.member("fields", fields);
        }
        return problem.toResponseEntity();
    }

    ResponseEntity<Object> tooLarge(long limit) {
        return ProblemResponse.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.VALIDATION, "Payload too large",
                "The request body exceeds " + limit + " bytes.").toResponseEntity();
    }

    ResponseEntity<Object> unavailable(String detail, Duration retryAfter) {
        return ProblemResponse.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Service unavailable",
                detail).retryAfter(retryAfter).toResponseEntity();
    }
}
