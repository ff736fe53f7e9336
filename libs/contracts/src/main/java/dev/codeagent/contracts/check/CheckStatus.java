package dev.codeagent.contracts.check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How one check ended. */
public enum CheckStatus {
    @JsonProperty("passed") PASSED,
    /** The command exited non-zero (or its JUnit reports name failures). */
    @JsonProperty("failed") FAILED,
    /** Killed at the configured timeout. */
    @JsonProperty("timed-out") TIMED_OUT,
    /** Not run because an earlier check failed. */
    @JsonProperty("skipped") SKIPPED,
    /** Could not be started (image missing, sandbox error); says nothing about the variant's code. */
    @JsonProperty("error") ERROR,
    /** Stopped because the run was cancelled. */
    @JsonProperty("cancelled") CANCELLED
}
