package dev.codeagent.orchestrator.workflow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps at the precision both databases store (microseconds), so what is read equals what was written. */
public final class Times {

    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
