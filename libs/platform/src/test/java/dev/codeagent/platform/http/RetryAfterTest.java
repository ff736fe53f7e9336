package dev.codeagent.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T06:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsDeltaSecondsIncludingFractions() {
        assertThat(RetryAfter.parse("120", clock)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", clock)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("1.5", clock)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void readsHttpDatesAndClampsPastOnesToNow() {
        assertThat(RetryAfter.parse("Sun, 29 Nov 2026 06:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sun, 29 Nov 2026 05:59:00 GMT", clock)).isEqualTo(Duration.ZERO);
    }

    @Test
    void treatsAbsentOrUnreadableValuesAsAbsent() {
        assertThat(RetryAfter.parse(null, clock)).isNull();
        assertThat(RetryAfter.parse("  ", clock)).isNull();
        assertThat(RetryAfter.parse("-1", clock)).isNull();
        assertThat(RetryAfter.parse("soon", clock)).isNull();
        assertThat(RetryAfter.parse("1e3", clock)).isNull();
    }

    @Test
    void writesWholeSecondsRoundedUpSoThatAClientIsNeverEarly() {
        assertThat(RetryAfter.format(Duration.ofMillis(1))).isEqualTo("1");
        assertThat(RetryAfter.format(Duration.ofMillis(999))).isEqualTo("1");
        assertThat(RetryAfter.format(Duration.ofMillis(1000))).isEqualTo("1");
        assertThat(RetryAfter.format(Duration.ofMillis(1001))).isEqualTo("2");
        assertThat(RetryAfter.format(Duration.ofSeconds(7))).isEqualTo("7");
        assertThat(RetryAfter.format(Duration.ofSeconds(7).plusNanos(1))).isEqualTo("8");
    }

    @Test
    void neverAsksForLessThanOneSecond() {
        assertThat(RetryAfter.format(Duration.ZERO)).isEqualTo("1");
        assertThat(RetryAfter.format(Duration.ofNanos(1))).isEqualTo("1");
        assertThat(RetryAfter.format(Duration.ofMillis(-1500))).isEqualTo("1");
    }

    @Test
    void whatIsWrittenReadsBackAsAtLeastTheWait() {
        for (long millis : new long[] {1, 999, 1000, 1001, 1500, 59_999, 3_600_000}) {
            Duration wait = Duration.ofMillis(millis);
            assertThat(RetryAfter.parse(RetryAfter.format(wait), clock)).isGreaterThanOrEqualTo(wait)
                    .isLessThan(wait.plusSeconds(1));
        }
    }
}
