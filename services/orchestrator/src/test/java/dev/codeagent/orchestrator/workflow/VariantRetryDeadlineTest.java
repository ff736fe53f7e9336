package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.fake.Fault;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dependency that is down for minutes (a service being restarted) is waited for up to CODEAGENT_RETRY_DEADLINE,
 * not given up on after CODEAGENT_STEP_MAX_ATTEMPTS: the soak saw variants fail "after 6 attempts" half a minute into
 * a restart of llm-patch.
 */
class VariantRetryDeadlineTest {

    static final Duration DEADLINE = Duration.ofMinutes(5);

    @TempDir
    Path artifacts;

    WorkflowFixture f;

    @BeforeEach
    void createFixture() {
        f = new WorkflowFixture(artifacts, DEADLINE);
    }

    @AfterEach
    void closeFixture() {
        f.close();
    }

    /** Runs the variant until it stops asking to run again; returns how many runs it took. */
    int runUntilDone(String id) {
        int runs = 0;
        StepResult result;
        do {
            result = f.variant.run(id, 1, f.scheduler);
            runs++;
            if (!result.isDone()) {
                f.clock.set(result.runAgainAt());
            }
        } while (!result.isDone() && runs < 1000);
        return runs;
    }

    @Test
    void aDependencyDownForLongerThanTheAttemptsIsWaitedForAndTheVariantSucceeds() {
        String id = f.preparedEditJob(1);
        // Twelve refusals in a row: three times the fixture's four attempts, about three minutes of backoff.
        f.fakes.addFault(Fault.status("POST", "/" + f.repository + "/branches", 12, 503, null));

        int runs = runUntilDone(id);

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).as(v.error()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(runs).isEqualTo(13);
        assertThat(f.retries("branch")).isEqualTo(12);
    }

    @Test
    void aDependencyDownBeyondTheDeadlineFailsTheVariantWithTheReason() {
        String id = f.preparedEditJob(1);
        f.fakes.addFault(Fault.status("POST", "/" + f.repository + "/branches", 1000, 503, null));
        Instant start = f.clock.instant();

        runUntilDone(id);

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.FAILED);
        assertThat(v.error()).contains("503").contains("gave up after");
        assertThat(Duration.between(start, f.clock.instant())).isGreaterThanOrEqualTo(DEADLINE);
        assertThat(v.attempts()).isGreaterThan(f.properties.maxAttempts());
    }
}
