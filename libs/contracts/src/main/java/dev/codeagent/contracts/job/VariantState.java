package dev.codeagent.contracts.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle of one variant of a job. */
public enum VariantState {
    @JsonProperty("pending") PENDING,
    @JsonProperty("running") RUNNING,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
