package dev.codeagent.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Refuses Azure DevOps deliveries created longer ago than {@code CODEAGENT_WEBHOOK_MAX_AGE}, so that a
 * delivery captured with its credentials cannot be sent again later. Azure DevOps retries a failed delivery
 * for a few minutes and keeps its {@code createdDate}, so a limit of an hour lets every genuine retry in,
 * where it is answered as the duplicate it is. A date in the future is accepted within {@link #CLOCK_SKEW}
 * of this gateway's clock, which covers clocks that drift apart without letting a sender stretch the window.
 */
@Component
public class DeliveryAge {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration maxAge;

    public DeliveryAge(Clock clock, WebhookProperties properties) {
        this.clock = clock;
        this.maxAge = properties.maxAge();
    }

    /** Why a delivery created at {@code createdAt} is refused, or null when it is recent enough. */
    public String refusal(Instant createdAt) {
        Duration age = Duration.between(createdAt, clock.instant());
        if (age.compareTo(maxAge) > 0) {
            return "The delivery was created " + readable(age) + " ago (createdDate " + createdAt + "); this "
                    + "gateway accepts deliveries up to " + readable(maxAge) + " old (CODEAGENT_WEBHOOK_MAX_AGE), so "
                    + "that a captured delivery cannot be replayed.";
        }
        if (age.negated().compareTo(CLOCK_SKEW) > 0) {
            return "The delivery's createdDate " + createdAt + " is " + readable(age.negated()) + " in the future; "
                    + "this gateway allows clocks to differ by up to " + readable(CLOCK_SKEW) + ".";
        }
        return null;
    }

    /** {@code 1h 2m 3s}, whole seconds rounded down, zero parts left out. */
    static String readable(Duration duration) {
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder();
        append(text, seconds / 86_400, "d");
        append(text, seconds % 86_400 / 3_600, "h");
        append(text, seconds % 3_600 / 60, "m");
        append(text, seconds % 60, "s");
        return text.isEmpty() ? "0s" : text.toString();
    }

    private static void append(StringBuilder text, long value, String unit) {
        if (value > 0) {
            text.append(text.isEmpty() ? "" : " ").append(value).append(unit);
        }
    }
}
