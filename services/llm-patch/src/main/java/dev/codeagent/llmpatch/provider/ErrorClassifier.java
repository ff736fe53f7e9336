package dev.codeagent.llmpatch.provider;

import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import dev.codeagent.platform.http.RetryAfter;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Turns whatever a client library threw into a {@link ProviderException} with a kind and Retry-After. */
public final class ErrorClassifier {

    private ErrorClassifier() {
    }

    public static ProviderException classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderException p) {
                return p;
            }
            if (t instanceof OpenAIServiceException e) {
                return fromStatus(e.statusCode(), retryAfter(e.headers().values("retry-after-ms"),
                        e.headers().values("x-ms-retry-after-ms"), e.headers().values("retry-after")),
                        String.valueOf(e.body()), e);
            }
            if (t instanceof AnthropicServiceException e) {
                return fromStatus(e.statusCode(), retryAfter(e.headers().values("retry-after")), String.valueOf(e.body()), e);
            }
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException
                    || t instanceof InterruptedIOException) {
                return new ProviderException(FailureKind.TIMEOUT, "no answer in time", error);
            }
            if (t instanceof ConnectException) {
                return new ProviderException(FailureKind.UNAVAILABLE, t.getMessage() == null ? "connection refused" : "connection refused: " + t.getMessage(), error);
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OpenAIIoException || t instanceof AnthropicIoException
                    || t instanceof org.springframework.web.client.ResourceAccessException) {
                return new ProviderException(FailureKind.UNAVAILABLE, "I/O error: " + t.getMessage(), error);
            }
        }
        return new ProviderException(FailureKind.ERROR, error.getClass().getSimpleName() + ": "
                + error.getMessage(), error);
    }

    /** Kind for an HTTP status and body from a model API. */
    public static ProviderException fromStatus(int status, Duration retryAfter, String body, Throwable cause) {
        String text = body == null ? "" : body;
        String lower = text.toLowerCase(Locale.ROOT);
        FailureKind kind;
        if (status == 429) {
            kind = FailureKind.RATE_LIMITED;
        } else if (status == 401 || status == 403) {
            kind = FailureKind.AUTH;
        } else if (status == 408 || status == 504) {
            kind = FailureKind.TIMEOUT;
        } else if (status == 400 && lower.contains("content_filter")) {
            kind = FailureKind.CONTENT_FILTERED;
        } else if ((status == 400 || status == 413 || status == 422) && mentionsContext(lower)) {
            kind = FailureKind.CONTEXT_TOO_LARGE;
        } else if (status >= 500) {
            kind = FailureKind.UNAVAILABLE;
        } else {
            kind = FailureKind.ERROR;
        }
        return new ProviderException(kind, status, retryAfter, text, cause);
    }

    private static boolean mentionsContext(String body) {
        return body.contains("context_length_exceeded") || body.contains("context length")
                || body.contains("context window") || body.contains("prompt is too long")
                || body.contains("too many tokens") || body.contains("maximum context");
    }

    /**
     * The wait an OpenAI-shaped API asks for: Azure OpenAI sends milliseconds in {@code retry-after-ms} or
     * {@code x-ms-retry-after-ms}, more precise than the whole seconds of {@code Retry-After}, so they win.
     */
    static Duration retryAfter(List<String> retryAfterMs, List<String> msRetryAfterMs, List<String> retryAfter) {
        for (List<String> millis : java.util.Arrays.asList(retryAfterMs, msRetryAfterMs)) {
            String value = millis == null || millis.isEmpty() || millis.get(0) == null ? "" : millis.get(0).strip();
            if (value.matches("\\d{1,12}(\\.\\d{1,6})?")) {
                return Duration.ofNanos(new BigDecimal(value).movePointRight(6).longValue());
            }
        }
        return retryAfter(retryAfter);
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(List<String> values) {
        return values == null || values.isEmpty() ? null : RetryAfter.parse(values.get(0), Clock.systemUTC());
    }
}
