package dev.codeagent.orchestrator.client;

import dev.codeagent.platform.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/** Turns RestClient exceptions into {@link CallFailure}s, reading the callee's RFC 9457 problem. */
final class CallFailures {

    /** Longer waits than this are a misbehaving server; RetryPolicy caps them further. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private CallFailures() {
    }

    static CallFailure from(String service, String operation, RestClientException e, JsonMapper json) {
        if (e instanceof RestClientResponseException response) {
            int status = response.getStatusCode().value();
            Map<?, ?> problem = problem(response, json);
            String detail = text(problem.get("detail"));
            if (detail == null) {
                detail = text(problem.get("title"));
            }
            if (detail == null) {
                detail = response.getStatusText();
            }
            boolean transientFailure = status == 408 || status == 425 || status == 429 || status >= 500;
            String message = service + " " + operation + " failed with " + status + ": " + clip(detail);
            return new CallFailure(message, status, transientFailure, retryAfter(response.getResponseHeaders()),
                    text(problem.get("currentCommit")), text(problem.get("type")), text(problem.get("policy")), e);
        }
        String reason = e instanceof ResourceAccessException && e.getCause() != null
                ? e.getCause().getClass().getSimpleName() + (e.getCause().getMessage() == null ? ""
                        : " (" + e.getCause().getMessage() + ")")
                : e.getClass().getSimpleName();
        return new CallFailure(service + " " + operation + " did not answer: " + clip(reason), 0, true, null, null, e);
    }

    private static Map<?, ?> problem(RestClientResponseException response, JsonMapper json) {
        String body = response.getResponseBodyAsString();
        if (body == null || body.isBlank() || !body.strip().startsWith("{")) {
            return Map.of();
        }
        try {
            return json.readValue(body, Map.class);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static Duration retryAfter(HttpHeaders headers) {
        Duration wait = headers == null ? null
                : RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), Clock.systemUTC());
        return wait == null || wait.compareTo(MAX_RETRY_AFTER) <= 0 ? wait : MAX_RETRY_AFTER;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String clip(String text) {
        String single = text.replaceAll("\\s+", " ").strip();
        return single.length() > 500 ? single.substring(0, 500) + "…" : single;
    }
}
