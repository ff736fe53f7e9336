package dev.codeagent.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error a controller wants the caller to see as an RFC 9457 problem with a precise status and type.
 * {@code retryAfter}, when set, becomes a {@code Retry-After} header.
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final Duration retryAfter;
    private final Map<String, Object> properties;

    public ApiProblemException(HttpStatus status, URI type, String title, String detail) {
        this(status, type, title, detail, null, Map.of(), null);
    }

    public ApiProblemException(HttpStatus status, URI type, String title, String detail, Duration retryAfter,
            Map<String, Object> properties, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.type = type;
        this.title = title;
        this.retryAfter = retryAfter;
        this.properties = new LinkedHashMap<>(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
