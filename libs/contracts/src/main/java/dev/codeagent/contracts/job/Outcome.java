package dev.codeagent.contracts.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a finished job went overall. {@code rejected}: the job did no work because the comment's author may not
 * ask the agent for changes (the job is {@code Completed}).
 */
public enum Outcome {
    @JsonProperty("success") SUCCESS,
    @JsonProperty("partial_success") PARTIAL_SUCCESS,
    @JsonProperty("failed") FAILED,
    @JsonProperty("rejected") REJECTED
}
