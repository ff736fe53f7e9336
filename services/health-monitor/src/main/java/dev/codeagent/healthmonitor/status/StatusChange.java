package dev.codeagent.healthmonitor.status;

import java.time.Instant;

/**
 * A target's status changed.
 *
 * @param from          previous status, null for the first check after start
 * @param previousSince since when the previous status held
 */
public record StatusChange(String service, boolean critical, ServiceStatus from, ServiceStatus to, Instant at,
        String error, Instant previousSince) {

    /** Whether this is the first check's result rather than a transition. */
    public boolean initial() {
        return from == null;
    }
}
