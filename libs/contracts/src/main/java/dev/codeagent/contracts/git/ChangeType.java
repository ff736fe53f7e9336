package dev.codeagent.contracts.git;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of change to one file, named as Azure DevOps names them. */
public enum ChangeType {
    @JsonProperty("add") ADD,
    @JsonProperty("edit") EDIT,
    @JsonProperty("delete") DELETE,
    @JsonProperty("rename") RENAME
}
