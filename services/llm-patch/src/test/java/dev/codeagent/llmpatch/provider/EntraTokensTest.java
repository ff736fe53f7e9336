package dev.codeagent.llmpatch.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class EntraTokensTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void tokenIsReusedUntilFiveMinutesBeforeItExpires() {
        AtomicInteger issued = new AtomicInteger();
        TokenCredential credential = context -> Mono.just(new AccessToken("t" + issued.incrementAndGet(),
                OffsetDateTime.ofInstant(T0, ZoneOffset.UTC).plusHours(1).plusMinutes(60L * (issued.get() - 1))));
        Moving clock = new Moving();
        EntraTokens tokens = new EntraTokens(credential, Duration.ofMinutes(5), clock);
        assertThat(tokens.get()).isEqualTo("t1");
        clock.now = T0.plus(Duration.ofMinutes(54));
        assertThat(tokens.get()).isEqualTo("t1");
        clock.now = T0.plus(Duration.ofMinutes(55));
        assertThat(tokens.get()).isEqualTo("t2");
        assertThat(issued).hasValue(2);
    }
}
