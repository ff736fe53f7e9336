package dev.codeagent.healthmonitor.status;

/** The system as a whole: every target up, only optional ones down, or a critical one down. */
public enum OverallStatus {
    HEALTHY, DEGRADED, UNHEALTHY;

    /** Whether {@code GET /health} answers 200: a degraded system still serves. */
    public boolean serving() {
        return this != UNHEALTHY;
    }
}
