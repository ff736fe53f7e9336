package dev.codeagent.contracts;

/** HTTP header names shared by all services. */
public final class Headers {

    /** Correlation id carried end to end, echoed in every response and present in every log line. */
    public static final String CORRELATION_ID = "x-corr-id";

    /** Key that makes a start request idempotent; the same key always yields the same job. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Headers() {
    }
}
