package dev.codeagent.orchestrator.job;

/**
 * Where a job's own workflow stands (its variants have {@link VariantPhase}): accepted, then either a reply
 * (help and rejected commands) or the check of who may trigger, the progress reply, the wait in the queue until
 * the caps on running work admit the job ({@link JobQueue}), the pull request's context and the fan-out of the
 * variants, then the fan-in summary. Stored in {@code job.step} as {@link #dbValue()};
 * {@link #label()} is how logs say it.
 */
public enum JobPhase implements StoredValue {
    ACCEPTED("accepted"),
    REPLY("reply"),
    AUTHORIZE("authorize"),
    PROGRESS("progress"),
    QUEUED("queued"),
    CONTEXT("context"),
    FAN_OUT("fan-out"),
    FAN_IN("fan-in"),
    DONE("done");

    private final String dbValue;

    JobPhase(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    public String label() {
        return switch (this) {
            case ACCEPTED -> "accepted";
            case REPLY -> "replying";
            case AUTHORIZE -> "checking that the author may ask for changes";
            case PROGRESS -> "posting the progress reply";
            case QUEUED -> "queued";
            case CONTEXT -> "gathering the pull request's context";
            case FAN_OUT -> "running the variants";
            case FAN_IN -> "publishing the summary";
            case DONE -> "done";
        };
    }

    public static JobPhase fromDb(String value) {
        return StoredValue.parse(JobPhase.class, value);
    }
}
