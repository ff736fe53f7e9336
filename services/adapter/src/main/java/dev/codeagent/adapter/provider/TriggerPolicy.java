package dev.codeagent.adapter.provider;

/** Who may ask the agent for changes ({@code CODEAGENT_TRIGGER_POLICY}). */
public enum TriggerPolicy {
    /** Members (direct or nested) of the allowed groups, and the users named in {@code CODEAGENT_TRIGGER_USERS}. */
    MEMBERS,
    /** Anyone who can comment on the pull request: the gate is off. */
    ANY
}
