package dev.codeagent.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts events per key in fixed time windows. Cheap on the hot path (one atomic map update per call)
 * and bounded in memory: when the table grows past {@code maxKeys}, expired windows are dropped.
 */
public final class FixedWindowRateLimiter {

    private final int limit;
    private final long windowNanos;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public FixedWindowRateLimiter(int limit, Duration window, int maxKeys, LongSupplier nanoClock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    /** Counts one event for {@code key}; null when allowed, else how long until the window resets. */
    public Duration tryAcquire(String key) {
        if (limit <= 0) {
            return null;
        }
        long now = nanoClock.getAsLong();
        if (windows.size() > maxKeys) {
            windows.values().removeIf(w -> now - w.start >= windowNanos);
        }
        long[] seen = new long[2];
        windows.compute(key, (k, w) -> {
            Window current = w == null || now - w.start >= windowNanos ? new Window(now) : w.increment();
            seen[0] = current.count;
            seen[1] = current.start;
            return current;
        });
        if (seen[0] <= limit) {
            return null;
        }
        long remaining = seen[1] + windowNanos - now;
        return Duration.ofNanos(Math.max(remaining, 1));
    }

    private static final class Window {
        final long start;
        /** Only touched inside {@link ConcurrentHashMap#compute}, which serialises updates per key. */
        int count = 1;

        Window(long start) {
            this.start = start;
        }

        Window increment() {
            if (count < Integer.MAX_VALUE) {
                count++;
            }
            return this;
        }
    }
}
