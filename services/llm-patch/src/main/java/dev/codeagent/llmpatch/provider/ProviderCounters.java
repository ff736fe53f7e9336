package dev.codeagent.llmpatch.provider;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Live counters of one provider for {@code GET /api/providers}. */
public final class ProviderCounters {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<Instant> lastErrorAt = new AtomicReference<>();
    private final AtomicReference<Boolean> reachable = new AtomicReference<>();

    void request() {
        requests.incrementAndGet();
    }

    void success() {
        successes.incrementAndGet();
        reachable.set(true);
    }

    void failure(ProviderException e) {
        failures.incrementAndGet();
        lastError.set(e.describe());
        lastErrorAt.set(Instant.now());
        if (e.kind() == FailureKind.UNAVAILABLE || e.kind() == FailureKind.TIMEOUT) {
            reachable.set(false);
        } else if (e.status() != null) {
            reachable.set(true);
        }
    }

    void fallback() {
        fallbacks.incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long successes() {
        return successes.get();
    }

    public long failures() {
        return failures.get();
    }

    public long fallbacks() {
        return fallbacks.get();
    }

    public String lastError() {
        return lastError.get();
    }

    public Instant lastErrorAt() {
        return lastErrorAt.get();
    }

    public Boolean reachable() {
        return reachable.get();
    }
}
