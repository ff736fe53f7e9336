package dev.codeagent.orchestrator.client;

import dev.codeagent.contracts.patch.ModelCall;
import java.util.List;

/**
 * A patch generation that failed after it had called models (edits that never applied, a budget reached, the
 * content filter): those calls were spent all the same, so the variant's usage and the job's budgets count them.
 */
public final class PatchFailure extends CallFailure {

    private final transient List<ModelCall> calls;
    private final transient List<String> unseenFiles;

    PatchFailure(CallFailure failure, List<ModelCall> calls, List<String> unseenFiles) {
        super(failure.getMessage(), failure.status(), failure.isTransient(), failure.retryAfter(),
                failure.currentCommit(), failure.getCause());
        this.calls = List.copyOf(calls);
        this.unseenFiles = List.copyOf(unseenFiles);
    }

    /**
     * Files of the repository the model's answer edited without having been shown them: sent in one extra round
     * ({@code PatchRequest.askedFor}) instead of failing the variant. Empty for any other failure.
     */
    public List<String> unseenFiles() {
        return unseenFiles;
    }

    /** The model calls llm-patch made for this request before it failed, as its problem answer listed them. */
    public List<ModelCall> calls() {
        return calls;
    }
}
