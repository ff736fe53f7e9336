package dev.codeagent.platform.web;

import dev.codeagent.contracts.ProblemTypes;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem carrying the correlation id. Validation and parse errors
 * are 400 with the offending fields named; unexpected errors are a 500 without internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<Object> handleApiProblem(ApiProblemException ex) {
        ProblemResponse problem = ProblemResponse.of(ex.status(), ex.type(), ex.title(), ex.getMessage())
                .retryAfter(ex.retryAfter());
        ex.properties().forEach(problem::member);
        if (ex.status().is5xxServerError()) {
            log.warn("{} {}: {}", ex.status().value(), ex.title(), ex.getMessage());
        }
        return problem.toResponseEntity();
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
        List<InvalidField> errors = ex.getConstraintViolations().stream()
                .map(v -> new InvalidField(String.valueOf(v.getPropertyPath()), v.getMessage()))
                .toList();
        return invalid(errors).toResponseEntity();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ProblemResponse.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "The service failed unexpectedly; the log has details under this correlation id.")
                .toResponseEntity();
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new InvalidField(e.getField(), String.valueOf(e.getDefaultMessage())))
                .toList();
        return invalid(errors).toResponseEntity();
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem("Invalid request parameters: " + ex.getMessage()).toResponseEntity();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem("The request body is not valid JSON for this endpoint: " + rootMessage(ex))
                .toResponseEntity();
    }

    /** Spring MVC's own problems (404, 405, 415, ...) get the correlation id like ours. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ProblemResponse.withCorrelationId(problem);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /**
     * An entry of a 400's {@code errors}. A record, not a {@code Map.of}, so that its members are always
     * written in the same order.
     */
    record InvalidField(String field, String message) {
    }

    /** A 400 naming each invalid field in {@code errors}. */
    private static ProblemResponse invalid(List<InvalidField> errors) {
        return validationProblem("Invalid request: " + describe(errors)).member("errors", errors);
    }

    private static ProblemResponse validationProblem(String detail) {
        return ProblemResponse.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Bad request", detail);
    }

    private static String describe(List<InvalidField> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
    }

    private static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // Parser messages quote the input; keep them short so a hostile body is not echoed back whole.
        int cut = message.indexOf('\n');
        message = cut > 0 ? message.substring(0, cut) : message;
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
