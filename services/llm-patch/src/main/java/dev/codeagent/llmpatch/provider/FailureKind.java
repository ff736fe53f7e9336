package dev.codeagent.llmpatch.provider;

/** Why a provider call failed; decides between retrying the same provider and falling back. */
public enum FailureKind {
    /** 429: retried on the same provider when Retry-After is short, else fall back. */
    RATE_LIMITED,
    /** 5xx, overloaded, connection refused: retried when Retry-After is short, else fall back. */
    UNAVAILABLE,
    /** No answer within the provider's timeout. */
    TIMEOUT,
    /** The prompt does not fit the provider's context window (estimated before sending, or refused). */
    CONTEXT_TOO_LARGE,
    /** 401/403: credentials are wrong; retrying will not help. */
    AUTH,
    /**
     * The provider's content filter refused the prompt or the answer (Azure OpenAI: HTTP 400 with code
     * {@code content_filter}, or finish reason {@code content_filter}). Final: the chain stops instead of asking
     * another provider, which would route around the filter.
     */
    CONTENT_FILTERED,
    /** Anything else, including an empty answer. */
    ERROR
}
