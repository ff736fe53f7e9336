package dev.codeagent.orchestrator.job;

/**
 * Where a variant's workflow stands: {@code pending → branch → patch → commit → pull-request → check → done}, with
 * {@code check → repair → check} while a failed check has repair rounds left. Each phase
 * names the work still to do, is stored in {@code job_variant.step} as {@link #dbValue()} (also shown by the status
 * API) and is shown in the progress reply as {@link #label()} while the variant runs.
 */
public enum VariantPhase implements StoredValue {
    PENDING("pending", "waiting"),
    BRANCH("branch", "creating branch"),
    PATCH("patch", "writing the change"),
    COMMIT("commit", "committing"),
    PULL_REQUEST("pull-request", "opening pull request"),
    CHECK("check", "checking"),
    REPAIR("repair", "repairing"),
    DONE("done", "done");

    private final String dbValue;
    private final String label;

    VariantPhase(String dbValue, String label) {
        this.dbValue = dbValue;
        this.label = label;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    public String label() {
        return label;
    }

    public static VariantPhase fromDb(String value) {
        return StoredValue.parse(VariantPhase.class, value);
    }
}
