package dev.codeagent.platform.http;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The HTTP {@code Retry-After} header (RFC 9110 §10.2.3), read and written.
 *
 * <p>Reading accepts delta-seconds or an HTTP date. Fractional seconds are accepted because some model APIs
 * send them. A date in the past means "now"; anything unreadable (including a negative number) is treated
 * as absent, so the caller falls back to its own backoff.
 *
 * <p>Writing produces whole delta-seconds, rounded up: a client that waits as told is never early.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the header asks for, or null when absent or unreadable. */
    public static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.matches("\\d{1,12}(\\.\\d{1,9})?")) {
            return Duration.ofMillis(new BigDecimal(text).movePointRight(3).longValue());
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /**
     * The value that asks for a wait of at least {@code wait}: whole seconds rounded up, and never below 1,
     * because an answer that asks for a retry asks for a pause, not for an immediate retry loop.
     */
    public static String format(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Long.toString(Math.max(1, seconds));
    }
}
