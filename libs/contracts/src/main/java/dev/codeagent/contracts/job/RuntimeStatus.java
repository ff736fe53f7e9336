package dev.codeagent.contracts.job;

/** Lifecycle of a job, named as in Durable Functions. */
public enum RuntimeStatus {
    Pending, Running, Completed, Failed, Terminated;

    public boolean isTerminal() {
        return this == Completed || this == Failed || this == Terminated;
    }
}
