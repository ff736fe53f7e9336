package dev.codeagent.healthmonitor.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the monitor restarts a target's containers: after N failed checks, at most once per doubling backoff. */
class RestartPolicyTest {

    static final Duration POLL = Duration.ofSeconds(2);
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    final RestartPolicy policy = new RestartPolicy(new RecoveryProperties(true, 3, Duration.ofMinutes(5),
            Duration.ofMinutes(30), null, Duration.ofSeconds(10)), Duration.ofSeconds(30), clock);

    Optional<RestartPolicy.Restart> check(String target, boolean up) {
        clock.advance(POLL);
        return policy.checked(target, up, clock.instant());
    }

    void upFor(String target, int checks) {
        for (int i = 0; i < checks; i++) {
            assertThat(check(target, true)).isEmpty();
        }
    }

    /** Checks the target as down until a restart is due; when it is. */
    Instant nextRestartWhileDown(String target) {
        for (int i = 0; i < 10_000; i++) {
            Optional<RestartPolicy.Restart> restart = check(target, false);
            if (restart.isPresent()) {
                return restart.get().at();
            }
        }
        throw new AssertionError("no restart of " + target);
    }

    @Test
    void restartsAfterTheConfiguredNumberOfFailedChecksInARow() {
        upFor("adapter", 1);
        assertThat(check("adapter", false)).isEmpty();
        assertThat(check("adapter", false)).isEmpty();
        Optional<RestartPolicy.Restart> restart = check("adapter", false);

        assertThat(restart).isPresent();
        assertThat(restart.get().target()).isEqualTo("adapter");
        assertThat(restart.get().failedChecks()).isEqualTo(3);
        assertThat(restart.get().nextAllowedAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void aSuccessfulCheckStartsTheCountAgain() {
        upFor("adapter", 1);
        check("adapter", false);
        check("adapter", false);
        upFor("adapter", 1);
        assertThat(check("adapter", false)).isEmpty();
        assertThat(check("adapter", false)).isEmpty();
        assertThat(check("adapter", false)).isPresent();
    }

    @Test
    void restartsAtMostOncePerBackoffWhichDoublesWhileTheTargetStaysDown() {
        upFor("gateway", 1);
        check("gateway", false);
        check("gateway", false);
        Instant first = check("gateway", false).orElseThrow().at();

        // Still down: no restart before five minutes have passed since the first one.
        Instant second = nextRestartWhileDown("gateway");
        assertThat(Duration.between(first, second)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plus(POLL));

        Instant third = nextRestartWhileDown("gateway");
        assertThat(Duration.between(second, third)).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(10).plus(POLL));
    }

    @Test
    void theBackoffReturnsToItsFirstValueOnceTheTargetStayedUpForAWholeBackoff() {
        upFor("orchestrator", 1);
        check("orchestrator", false);
        check("orchestrator", false);
        assertThat(check("orchestrator", false)).isPresent();
        // Back up at once, and healthy for longer than the doubled backoff (10 min).
        upFor("orchestrator", (int) (Duration.ofMinutes(11).toSeconds() / POLL.toSeconds()));

        check("orchestrator", false);
        check("orchestrator", false);
        RestartPolicy.Restart again = check("orchestrator", false).orElseThrow();
        assertThat(again.nextAllowedAt()).isEqualTo(again.at().plus(Duration.ofMinutes(5)));
    }

    @Test
    void aTargetDownSinceTheStartIsLeftAloneDuringTheStartUpGrace() {
        for (int i = 0; i < 10; i++) {
            assertThat(check("llm-patch", false)).as("check at %s", clock.instant()).isEmpty();
        }
        // 20 s of the 30 s grace gone; after it, failed checks count.
        clock.advance(Duration.ofSeconds(10));
        assertThat(check("llm-patch", false)).isEmpty();
        assertThat(check("llm-patch", false)).isEmpty();
        assertThat(check("llm-patch", false)).isPresent();
    }

    @Test
    void targetsAreCountedSeparately() {
        upFor("adapter", 1);
        upFor("gateway", 1);
        check("adapter", false);
        check("gateway", false);
        check("adapter", false);
        check("gateway", false);
        assertThat(check("adapter", false)).isPresent();
        assertThat(check("gateway", false)).isPresent();
    }
}
