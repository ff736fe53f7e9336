package dev.codeagent.orchestrator.workflow;

import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.client.RunnerClient;
import dev.codeagent.orchestrator.job.VariantPhase;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a job is stopped (terminated, or at its deadline), cancels the check runs its variants are waiting for, so
 * the runner frees its slot and the variants' steps get their answer at once instead of after the whole build.
 * Best effort: a run that already ended, or runs on another runner replica, answers 404; an unreachable runner is
 * logged. Either way the variant stops at its next phase, as it would without this.
 */
@Component
public class CheckCancellation {

    private static final Logger log = LoggerFactory.getLogger(CheckCancellation.class);

    private final VariantStore variants;
    private final RunnerClient runner;

    public CheckCancellation(VariantStore variants, RunnerClient runner) {
        this.variants = variants;
        this.runner = runner;
    }

    public void cancelRuns(String jobId) {
        for (VariantRecord v : variants.variants(jobId)) {
            if (!v.state().isTerminal() && v.step() == VariantPhase.CHECK) {
                String runId = VariantChecker.runId(jobId, v.k(), v.checkRound());
                try {
                    runner.cancel(runId);
                    log.info("Job {} variant {}: check run {} cancelled", jobId, v.k(), runId);
                } catch (CallFailure e) {
                    log.info("Job {} variant {}: check run {} not cancelled: {}", jobId, v.k(), runId, e.getMessage());
                }
            }
        }
    }
}
