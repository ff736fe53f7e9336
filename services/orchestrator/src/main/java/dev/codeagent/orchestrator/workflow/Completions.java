package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import java.time.Instant;

/** What a step tells db-scheduler when it returns: the instance is done, or runs again later. */
final class Completions {

    private Completions() {
    }

    static CompletionHandler<Void> done() {
        return new CompletionHandler.OnCompleteRemove<>();
    }

    static CompletionHandler<Void> runAgainAt(Instant time) {
        return (complete, operations) -> operations.reschedule(complete, time);
    }
}
