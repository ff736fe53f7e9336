package dev.codeagent.contracts.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The state of a pipeline run, as Azure DevOps names it ({@code RunState}). */
public enum PipelineRunState {
    @JsonProperty("unknown") UNKNOWN,
    @JsonProperty("inProgress") IN_PROGRESS,
    @JsonProperty("canceling") CANCELING,
    @JsonProperty("completed") COMPLETED
}
