package dev.codeagent.platform.web;

import dev.codeagent.platform.http.RetryAfter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem answer, built one way wherever a service answers with a problem: {@code type},
 * {@code title}, {@code status} and {@code detail}, then the extension members in the order they are added
 * and last the correlation id in scope ({@code corrId}), as {@code application/problem+json}, with
 * {@code Retry-After} in whole seconds rounded up ({@link RetryAfter#format}).
 *
 * <p>{@code instance} is not set here: Spring MVC sets it to the request's path for every problem it
 * writes, and an answer a filter writes before Spring MVC has none.
 */
public final class ProblemResponse {

    private final HttpStatusCode status;
    private final ProblemDetail problem;
    private final HttpHeaders headers = new HttpHeaders();

    private ProblemResponse(HttpStatusCode status, URI type, String title, String detail) {
        this.status = status;
        this.problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
    }

    public static ProblemResponse of(HttpStatusCode status, URI type, String title, String detail) {
        return new ProblemResponse(status, type, title, detail);
    }

    /** Adds an extension member to the body. */
    public ProblemResponse member(String name, Object value) {
        problem.setProperty(name, value);
        return this;
    }

    /** Asks the client to wait at least {@code wait} before it tries again; null asks for nothing. */
    public ProblemResponse retryAfter(Duration wait) {
        if (wait != null) {
            headers.set(HttpHeaders.RETRY_AFTER, RetryAfter.format(wait));
        }
        return this;
    }

    public ProblemResponse header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    /** The body, with the correlation id in scope as its last member. */
    public ProblemDetail body() {
        return withCorrelationId(problem);
    }

    public ResponseEntity<Object> toResponseEntity() {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).headers(headers)
                .body(body());
    }

    /** Writes the answer to the servlet response itself, for a filter that answers before Spring MVC. */
    public void writeTo(HttpServletResponse response, JsonMapper jsonMapper) throws IOException {
        response.setStatus(status.value());
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(jsonMapper.writeValueAsBytes(body()));
    }

    /** Adds the correlation id in scope, if any, to a problem (also to one Spring MVC built). */
    public static ProblemDetail withCorrelationId(ProblemDetail problem) {
        String corrId = CorrelationId.current();
        if (corrId != null) {
            problem.setProperty("corrId", corrId);
        }
        return problem;
    }
}
