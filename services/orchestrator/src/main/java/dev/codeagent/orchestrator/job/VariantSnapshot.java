package dev.codeagent.orchestrator.job;

/** A variant as its next step sees it: its own row and whether its job has been asked to stop (and why). */
public record VariantSnapshot(VariantRecord variant, CancelReason jobCancelReason) {

    public boolean cancelRequested() {
        return jobCancelReason != null;
    }
}
