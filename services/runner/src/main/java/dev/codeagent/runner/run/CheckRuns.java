package dev.codeagent.runner.run;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.check.CheckRunRequest;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.platform.web.ApiProblemException;
import dev.codeagent.runner.config.RunnerProperties;
import dev.codeagent.runner.exec.RunControl;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The runs of this replica: at most {@code CODEAGENT_RUNNER_CONCURRENCY} at a time, the rest refused with 503 and
 * {@code Retry-After} (the orchestrator keeps the durable queue and asks again), each cancellable by its run id.
 */
public class CheckRuns {

    private static final Logger log = LoggerFactory.getLogger(CheckRuns.class);

    private final CheckRunner runner;
    private final Semaphore slots;
    private final RunnerProperties properties;
    private final Map<String, RunControl> running = new ConcurrentHashMap<>();

    public CheckRuns(CheckRunner runner, RunnerProperties properties) {
        this.runner = runner;
        this.properties = properties;
        this.slots = new Semaphore(properties.concurrency());
    }

    public CheckRunResult run(CheckRunRequest request) {
        if (!slots.tryAcquire()) {
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Runner busy",
                    "All " + properties.concurrency() + " check slots of this runner are taken; try again later",
                    properties.busyRetryAfter(), Map.of(), null);
        }
        RunControl control = new RunControl();
        try {
            // The orchestrator repeats a run id only when it stopped waiting for the earlier attempt.
            RunControl earlier = running.put(request.runId(), control);
            if (earlier != null) {
                log.info("Run {} asked for again; the earlier attempt is cancelled", request.runId());
                earlier.cancel();
            }
            return runner.run(request, control);
        } finally {
            running.remove(request.runId(), control);
            slots.release();
        }
    }

    /** Cancels the run; false when it is not running on this replica. */
    public boolean cancel(String runId) {
        RunControl control = running.get(runId);
        if (control == null) {
            return false;
        }
        log.info("Run {} cancelled", runId);
        control.cancel();
        return true;
    }
}
