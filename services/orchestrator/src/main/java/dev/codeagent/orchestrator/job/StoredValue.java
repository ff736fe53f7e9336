package dev.codeagent.orchestrator.job;

/** An enum constant kept in the database as a value of its own (not its Java name, which may be renamed). */
interface StoredValue {

    String dbValue();

    /** The constant of {@code type} stored as {@code value}; an unknown value is a corrupt row, not one to guess. */
    static <E extends Enum<E> & StoredValue> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.dbValue().equals(value)) {
                return constant;
            }
        }
        throw new IllegalStateException("unknown " + type.getSimpleName() + " in the database: " + value);
    }
}
