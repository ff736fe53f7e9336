package dev.codeagent.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Counts events per key in fixed time windows. Cheap on the hot path (one atomic map update per call) and
 * bounded in memory at about {@code maxKeys} keys. Every window that starts is also queued in start order;
 * a call that starts one drops windows from the head of that queue while they have expired or the table is
 * over {@code maxKeys}, so the oldest window goes first. Each window is queued once and dropped once, which
 * makes the upkeep O(1) amortised per call however many keys a sender rotates through: scanning the table
 * for expired windows instead cost a full pass per call once it was full of live ones.
 *
 * <p>Dropping a live window forgets its count, so a sender who floods the table with fresh keys can reset
 * the counts of others; per-key limits bound a well-behaved sender, not one who controls the key (see
 * docs/security.md).
 */
public final class FixedWindowRateLimiter {

    private final int limit;
    private final long windowNanos;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Window> oldestFirst = new ConcurrentLinkedQueue<>();
    /** One caller drops windows at a time; the others go on without waiting. */
    private final ReentrantLock evicting = new ReentrantLock();

    public FixedWindowRateLimiter(int limit, Duration window, int maxKeys, LongSupplier nanoClock) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive");
        }
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
        Window[] started = new Window[1];
        long[] seen = new long[2];
        windows.compute(key, (k, w) -> {
            Window current;
            if (w == null || now - w.start >= windowNanos) {
                current = new Window(k, now);
                started[0] = current;
            } else {
                current = w.increment();
            }
            seen[0] = current.count;
            seen[1] = current.start;
            return current;
        });
        if (started[0] != null) {
            oldestFirst.add(started[0]);
            evict(now);
        }
        if (seen[0] <= limit) {
            return null;
        }
        long remaining = seen[1] + windowNanos - now;
        return Duration.ofNanos(Math.max(remaining, 1));
    }

    /** Keys held (for tests and the benchmark). */
    int size() {
        return windows.size();
    }

    private void evict(long now) {
        if (!evicting.tryLock()) {
            return;
        }
        try {
            for (Window head = oldestFirst.peek(); head != null; head = oldestFirst.peek()) {
                if (now - head.start < windowNanos && windows.size() <= maxKeys) {
                    return;
                }
                oldestFirst.poll();
                // A key whose window restarted holds a newer Window: this one is only its stale queue entry.
                windows.remove(head.key, head);
            }
        } finally {
            evicting.unlock();
        }
    }

    private static final class Window {
        final String key;
        final long start;
        /** Only touched inside {@link ConcurrentHashMap#compute}, which serialises updates per key. */
        int count = 1;

        Window(String key, long start) {
            this.key = key;
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
