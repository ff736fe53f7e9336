package dev.codeagent.orchestrator.job;

/** Why a job was asked to stop, stored in {@code job.cancel_reason} as {@link #dbValue()}. */
public enum CancelReason implements StoredValue {
    /** A user terminated the job. */
    TERMINATED("terminated"),
    /** The job ran past its deadline. */
    TIMEOUT("timeout");

    private final String dbValue;

    CancelReason(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    /** The reason stored as {@code value}, or null for a job nobody asked to stop. */
    public static CancelReason fromDb(String value) {
        return value == null ? null : StoredValue.parse(CancelReason.class, value);
    }
}
