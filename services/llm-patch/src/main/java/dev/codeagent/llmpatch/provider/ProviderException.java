package dev.codeagent.llmpatch.provider;

import java.time.Duration;

/**
 * A failed provider call, classified by {@link FailureKind}. Only failures the server answered carry an HTTP
 * {@code status}, and {@code retryAfter} when it sent one.
 */
public final class ProviderException extends RuntimeException {

    private final FailureKind kind;
    private final Integer status;
    private final Duration retryAfter;

    /** A failure with no HTTP answer: timeout, refused connection, empty answer, prompt too large. */
    public ProviderException(FailureKind kind, String message, Throwable cause) {
        this(kind, null, null, message, cause);
    }

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
