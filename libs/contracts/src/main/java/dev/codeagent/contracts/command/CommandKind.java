package dev.codeagent.contracts.command;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a comment asked for, as parsed by the gateway. */
public enum CommandKind {
    /** {@code /edit [/N] <intent>}. */
    @JsonProperty("edit") EDIT,
    /** {@code /help}. */
    @JsonProperty("help") HELP,
    /** Looked like a command but was malformed; the user gets a helpful reply. */
    @JsonProperty("rejected") REJECTED
}
