package dev.codeagent.contracts.patch;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Edit formats the patch engine reads. */
public enum EditFormat {
    @JsonProperty("auto") AUTO,
    @JsonProperty("search-replace") SEARCH_REPLACE,
    @JsonProperty("whole-file") WHOLE_FILE,
    @JsonProperty("unified-diff") UNIFIED_DIFF
}
