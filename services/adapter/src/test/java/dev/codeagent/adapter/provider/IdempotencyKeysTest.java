package dev.codeagent.adapter.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.AgentMarker;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    static final String PROGRESS = IdempotencyKeys.marker("job-1-progress");

    @Test
    void aKeyedCommentCarriesTheKeysMarkerOnce() {
        assertThat(PROGRESS).isEqualTo("<!-- codeagent:idempotency-key=job-1-progress -->");
        assertThat(IdempotencyKeys.withMarker("Working", PROGRESS)).isEqualTo("Working\n\n" + PROGRESS);
        assertThat(IdempotencyKeys.withMarker("Working\n\n" + PROGRESS, PROGRESS)).isEqualTo("Working\n\n" + PROGRESS);
        assertThat(IdempotencyKeys.withMarker("Working", IdempotencyKeys.marker(" "))).isEqualTo("Working");
    }

    @Test
    void anUpdateKeepsTheMarkerTheCommentWasCreatedWith() {
        String current = "Working\n\n" + AgentMarker.of("job", "1", "kind", "progress") + "\n\n" + PROGRESS;
        String rewritten = "1 of 3 done\n\n" + AgentMarker.of("job", "1", "kind", "progress");

        assertThat(IdempotencyKeys.keptIn(rewritten, current)).isEqualTo(rewritten + "\n\n" + PROGRESS);
        assertThat(IdempotencyKeys.keptIn("1 of 3 done\n\n" + PROGRESS, current))
                .isEqualTo("1 of 3 done\n\n" + PROGRESS);
    }

    @Test
    void anUpdateOfACommentCreatedWithoutAKeyAddsNothing() {
        String rewritten = "1 of 3 done\n\n" + AgentMarker.of("job", "1", "kind", "progress");

        assertThat(IdempotencyKeys.keptIn(rewritten, "Working\n\n" + AgentMarker.of("job", "1", "kind", "progress")))
                .isEqualTo(rewritten);
        assertThat(IdempotencyKeys.keptIn("Done", null)).isEqualTo("Done");
    }
}
