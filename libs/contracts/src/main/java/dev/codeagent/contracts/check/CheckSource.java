package dev.codeagent.contracts.check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the checks of a run came from. */
public enum CheckSource {
    /** {@code .codeagent.yml} at the root of the tree. */
    @JsonProperty("configured") CONFIGURED,
    /** No configuration; the build tool was recognised (Maven/Gradle wrapper, package.json, pyproject, go.mod). */
    @JsonProperty("detected") DETECTED,
    /** No configuration and nothing recognised, or a configuration that could not be read: no check ran. */
    @JsonProperty("none") NONE
}
