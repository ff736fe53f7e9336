package dev.codeagent.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DeliveryAgeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final DeliveryAge age = new DeliveryAge(Clock.fixed(NOW, ZoneOffset.UTC),
            new WebhookProperties(WebhookProperties.Mode.REQUIRED, null, null, "X-CodeAgent-Secret", "s",
                    DataSize.ofMegabytes(2), Duration.ofHours(1)));

    @Test
    void acceptsDeliveriesUpToTheMaximumAge() {
        assertThat(age.refusal(NOW)).isNull();
        assertThat(age.refusal(NOW.minus(Duration.ofMinutes(59)))).isNull();
        assertThat(age.refusal(NOW.minus(Duration.ofHours(1)))).isNull();
    }

    @Test
    void refusesAnOlderDeliveryNamingItsAgeAndTheLimit() {
        assertThat(age.refusal(NOW.minus(Duration.ofHours(1)).minusSeconds(1))).isEqualTo(
                "The delivery was created 1h 1s ago (createdDate 2026-12-06T10:59:59Z); this gateway accepts "
                        + "deliveries up to 1h old (CODEAGENT_WEBHOOK_MAX_AGE), so that a captured delivery cannot "
                        + "be replayed.");
        assertThat(age.refusal(Instant.parse("2024-07-17T21:34:22.338Z"))).contains("created 871d 14h 25m 37s ago");
    }

    @Test
    void allowsAFewMinutesOfClockDifferenceIntoTheFuture() {
        assertThat(age.refusal(NOW.plus(Duration.ofMinutes(5)))).isNull();
        assertThat(age.refusal(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1))).isEqualTo(
                "The delivery's createdDate 2026-12-06T12:05:01Z is 5m 1s in the future; this gateway allows "
                        + "clocks to differ by up to 5m.");
    }

    @Test
    void aMaximumAgeThatIsNotPositiveIsAStartupError() {
        assertThatThrownBy(() -> new WebhookProperties(
                WebhookProperties.Mode.REQUIRED, null, null, "X-CodeAgent-Secret", "s", DataSize.ofMegabytes(2),
                Duration.ZERO)).hasMessageContaining("CODEAGENT_WEBHOOK_MAX_AGE");
    }
}
