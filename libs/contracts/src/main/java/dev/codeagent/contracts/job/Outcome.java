package dev.codeagent.contracts.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a finished job went overall. */
public enum Outcome {
    @JsonProperty("success") SUCCESS,
    @JsonProperty("partial_success") PARTIAL_SUCCESS,
    @JsonProperty("failed") FAILED
}
