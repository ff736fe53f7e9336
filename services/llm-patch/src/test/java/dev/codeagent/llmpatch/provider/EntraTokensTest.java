package dev.codeagent.llmpatch.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class EntraTokensTest {

    private static TokenCredential issuing(AtomicInteger issued, Duration lifetime) {
        return context -> Mono.just(new AccessToken("t" + issued.incrementAndGet(), OffsetDateTime.now().plus(lifetime)));
    }

    @Test
    void tokenIsReusedWhileItHasMoreThanTheSkewLeft() {
        AtomicInteger issued = new AtomicInteger();
        EntraTokens tokens = new EntraTokens(issuing(issued, Duration.ofHours(1)), Duration.ofMinutes(5), Clock.systemUTC());
        assertThat(tokens.get()).isEqualTo("t1");
        assertThat(tokens.get()).isEqualTo("t1");
        assertThat(issued).hasValue(1);
    }

    @Test
    void tokenCloseToExpiryIsRenewedBeforeUse() {
        AtomicInteger issued = new AtomicInteger();
        EntraTokens tokens = new EntraTokens(issuing(issued, Duration.ofMinutes(4)), Duration.ofMinutes(5), Clock.systemUTC());
        assertThat(tokens.get()).isEqualTo("t1");
        assertThat(tokens.get()).isEqualTo("t2");
        assertThat(issued).hasValue(2);
    }
}
