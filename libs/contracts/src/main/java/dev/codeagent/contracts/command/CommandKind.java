package dev.codeagent.contracts.command;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a comment asked for, as parsed by the gateway. */
public enum CommandKind {
    /** {@code /edit [/N] <intent>}. */
    @JsonProperty("edit") EDIT,
    /** {@code /pick K}: merge variant K into the pull request's source branch, abandon the others. */
    @JsonProperty("pick") PICK,
    /** {@code /refine K <feedback>}: a new commit on variant K addressing the feedback. */
    @JsonProperty("refine") REFINE,
    /** {@code /retry K [--fresh]}: run a failed variant again, from its failed step or from scratch. */
    @JsonProperty("retry") RETRY,
    /** {@code /cancel}: terminate the running job of the thread. */
    @JsonProperty("cancel") CANCEL,
    /** {@code /status}: post the thread's current table again. */
    @JsonProperty("status") STATUS,
    /** {@code /help}. */
    @JsonProperty("help") HELP,
    /** Looked like a command but was malformed; the user gets a helpful reply. */
    @JsonProperty("rejected") REJECTED
}
