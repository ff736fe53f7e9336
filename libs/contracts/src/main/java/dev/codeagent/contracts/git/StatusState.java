package dev.codeagent.contracts.git;

import com.fasterxml.jackson.annotation.JsonProperty;

/** States of a pull request status, as Azure DevOps names them. */
public enum StatusState {
    @JsonProperty("pending") PENDING,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("error") ERROR,
    @JsonProperty("notApplicable") NOT_APPLICABLE
}
