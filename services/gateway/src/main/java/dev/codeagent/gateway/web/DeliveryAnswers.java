package dev.codeagent.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.gateway.intake.IntakeOutcome;
import dev.codeagent.platform.web.ProblemResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP answers of the delivery endpoints. Azure DevOps retries 408/502/503/504 and puts a
 * subscription on probation after any other failure (and disables it at once on 410), so a delivery is
 * never answered with 404, 410 or 500: passing trouble is a 503 with {@code Retry-After}.
 */
final class DeliveryAnswers {

    private DeliveryAnswers() {
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

    static ResponseEntity<Object> of(IntakeOutcome outcome, JsonMapper json) {
        if (outcome instanceof IntakeOutcome.Accepted a) {
            return json(HttpStatus.ACCEPTED, new JobAccepted(a.jobId(), a.statusUrl()), json);
        }
        if (outcome instanceof IntakeOutcome.Duplicate d) {
            return json(HttpStatus.OK, new JobExists(d.jobId(), d.statusUrl(), true), json);
        }
        if (outcome instanceof IntakeOutcome.Ignored i) {
            return json(HttpStatus.OK, new Ignored(i.reason(), i.jobId(), i.statusUrl()), json);
        }
        if (outcome instanceof IntakeOutcome.RateLimited r) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many commands",
                    "Too many commands from this " + r.scope() + "; try again later.", r.retryAfter(), null);
        }
        if (outcome instanceof IntakeOutcome.Unavailable u) {
            return unavailable(u.detail(), u.retryAfter());
        }
        return problem(HttpStatus.BAD_GATEWAY, ProblemTypes.UNAVAILABLE, "Orchestrator refused the command",
                ((IntakeOutcome.Refused) outcome).detail(), null, null);
    }

    static ResponseEntity<Object> ignored(String reason, JsonMapper json) {
        return json(HttpStatus.OK, new Ignored(reason, null, null), json);
    }

    /**
     * A JSON answer serialised here, with its content type set: the delivery endpoints only ever speak
     * JSON (a sender with an odd {@code Accept} header gets JSON, not a 406 that Azure DevOps would count
     * as a failure), and a body of known length goes out with {@code Content-Length} in one write instead
     * of chunked. {@code DeliveryController} writes such answers to the response itself.
     */
    private static ResponseEntity<Object> json(HttpStatus status, Object body, JsonMapper json) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
    }

    static ResponseEntity<Object> unauthorized(String challenge, String detail) {
        return ProblemResponse.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).toResponseEntity();
    }

    static ResponseEntity<Object> badRequest(String detail, List<String> fields) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Bad request", detail, null, fields);
    }

    static ResponseEntity<Object> tooLarge(long limit) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.VALIDATION, "Payload too large",
                "The request body exceeds " + limit + " bytes.", null, null);
    }

    static ResponseEntity<Object> unavailable(String detail, Duration retryAfter) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Service unavailable", detail,
                retryAfter, null);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, URI type, String title, String detail,
            Duration retryAfter, List<String> fields) {
        ProblemResponse problem = ProblemResponse.of(status, type, title, detail).retryAfter(retryAfter);
        if (fields != null && !fields.isEmpty()) {
            problem.member("fields", fields);
        }
        return problem.toResponseEntity();
    }
}
