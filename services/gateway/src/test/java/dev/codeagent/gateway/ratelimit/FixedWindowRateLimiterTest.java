package dev.codeagent.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FixedWindowRateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000);

    @Test
    void allowsTheLimitPerWindowAndKey() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(2, Duration.ofSeconds(60), 100, clock::get);
        assertThat(limiter.tryAcquire("a")).isNull();
        assertThat(limiter.tryAcquire("a")).isNull();
        assertThat(limiter.tryAcquire("b")).isNull();
        clock.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofSeconds(45));
        clock.addAndGet(Duration.ofSeconds(45).toNanos());
        assertThat(limiter.tryAcquire("a")).isNull();
    }

    @Test
    void zeroSwitchesTheLimitOff() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(0, Duration.ofSeconds(1), 100, clock::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAcquire("a")).isNull();
        }
    }

    @Test
    void forgetsExpiredKeysWhenTheTableIsFull() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(1, Duration.ofSeconds(1), 10, clock::get);
        for (int i = 0; i < 11; i++) {
            limiter.tryAcquire("k" + i);
        }
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        limiter.tryAcquire("fresh");
        // k0 expired and was dropped, so it starts a new window instead of being refused.
        assertThat(limiter.tryAcquire("k0")).isNull();
        assertThat(limiter.tryAcquire("fresh")).isNotNull();
    }

    @Test
    void staysBoundedWhenEveryRequestBringsANewKey() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(1, Duration.ofMinutes(1), 100_000, clock::get);
        for (int i = 0; i < 200_000; i++) {
            clock.incrementAndGet();
            assertThat(limiter.tryAcquire("author-" + i)).isNull();
        }
        assertThat(limiter.size()).isEqualTo(100_000);
    }

    @Test
    void dropsTheOldestWindowFirstWhenFull() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(1, Duration.ofMinutes(1), 2, clock::get);
        limiter.tryAcquire("a");
        clock.incrementAndGet();
        limiter.tryAcquire("b");
        clock.incrementAndGet();
        limiter.tryAcquire("c");

        assertThat(limiter.size()).isEqualTo(2);
        assertThat(limiter.tryAcquire("b")).as("b is still counted").isNotNull();
        assertThat(limiter.tryAcquire("c")).as("c is still counted").isNotNull();
    }

    @Test
    void dropsExpiredWindowsBeforeTheTableIsFull() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(1, Duration.ofSeconds(1), 100, clock::get);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        limiter.tryAcquire("a");
        limiter.tryAcquire("c");

        // b expired and went; a restarted its window, so its first one is gone too.
        assertThat(limiter.size()).isEqualTo(2);
        assertThat(limiter.tryAcquire("a")).isNotNull();
    }
}
