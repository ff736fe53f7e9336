package dev.codeagent.orchestrator.workflow;

import java.time.Instant;

/**
 * What a step asks of the scheduler when it returns: nothing more ({@link #done()}) or to run again at a time,
 * after a transient failure or to look again later.
 */
public record StepResult(Instant runAgainAt) {

    private static final StepResult DONE = new StepResult(null);

    public static StepResult done() {
        return DONE;
    }

    public static StepResult runAgainAt(Instant time) {
        return new StepResult(time);
    }

    public boolean isDone() {
        return runAgainAt == null;
    }
}
