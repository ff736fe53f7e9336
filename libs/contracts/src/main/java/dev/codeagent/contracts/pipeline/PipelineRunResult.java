package dev.codeagent.contracts.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The result of a completed pipeline run, as Azure DevOps names it ({@code RunResult}). */
public enum PipelineRunResult {
    @JsonProperty("unknown") UNKNOWN,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("canceled") CANCELED
}
