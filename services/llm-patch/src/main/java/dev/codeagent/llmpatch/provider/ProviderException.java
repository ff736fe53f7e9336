package dev.codeagent.llmpatch.provider;

import java.time.Duration;

/** A failed provider call, classified; {@code retryAfter} is the server's Retry-After when it sent one. */
public class ProviderException extends RuntimeException {

    private final FailureKind kind;
    private final Integer status;
    private final Duration retryAfter;

    public ProviderException(FailureKind kind, Integer status, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public FailureKind kind() {
        return kind;
    }

    public Integer status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** One line for logs, /api/providers and problem details: kind, status and a short message. */
    public String describe() {
        String text = getMessage() == null ? "" : getMessage().replaceAll("\\s+", " ");
        if (text.length() > 300) {
            text = text.substring(0, 300) + "...";
        }
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + (status == null ? "" : " (HTTP " + status + ")") + (text.isEmpty() ? "" : ": " + text);
    }
}
