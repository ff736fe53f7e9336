package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.config.RetryProperties;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(new WorkflowProperties(null, "http://d", "agents/", 10, 4,
            Duration.ofMinutes(8), Duration.ofMinutes(30), 0, 100, 5, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(2)), new RetryProperties(Duration.ofMinutes(5)));

    @Test
    void backoffGrowsExponentiallyWithJitterAndStaysUnderTheCap() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long nominal = Math.min(30_000, 1000L << (attempt - 1));
            for (int i = 0; i < 50; i++) {
                long delay = policy.backoff(attempt).toMillis();
                assertThat(delay).isBetween(nominal / 2, nominal);
            }
        }
    }

    @Test
    void retryAfterWinsButIsCapped() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        CallFailure limited = new CallFailure("429", 429, true, Duration.ofSeconds(7), null, null);
        assertThat(policy.nextAttempt(1, limited, now)).isEqualTo(now.plusSeconds(7));
        CallFailure huge = new CallFailure("503", 503, true, Duration.ofHours(1), null, null);
        assertThat(policy.nextAttempt(1, huge, now)).isEqualTo(now.plusSeconds(30));
    }

    @Test
    void stopsAfterMaxAttemptsOnceTheDeadlineHasPassed() {
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(policy.mayRetry(4, since, since.plusSeconds(400))).isTrue();
        assertThat(policy.mayRetry(5, since, since.plusSeconds(300))).isFalse();
    }

    @Test
    void keepsRetryingADependencyThatIsDownUntilTheDeadlineWhateverTheAttempts() {
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(policy.mayRetry(5, since, since.plusSeconds(60))).isTrue();
        assertThat(policy.mayRetry(40, since, since.plus(Duration.ofMinutes(5)).minusMillis(1))).isTrue();
        assertThat(policy.retryUntil(since)).isEqualTo(since.plus(Duration.ofMinutes(5)));
    }
}
