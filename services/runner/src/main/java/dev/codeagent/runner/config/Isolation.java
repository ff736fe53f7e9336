package dev.codeagent.runner.config;

import java.util.Locale;

/** Where checks run. */
public enum Isolation {
    /** A fresh container per check through the Docker API: no network, non-root, read-only image, limits. */
    CONTAINER,
    /**
     * A Job per check in the runner's Kubernetes namespace: restricted pod security, no egress but the fetch of the
     * tree from this runner, limits, a deadline; no container engine socket needed.
     */
    KUBERNETES,
    /** A process on the runner's own host: no isolation beyond a scrubbed environment; chosen only explicitly. */
    PROCESS;

    /** As reported in {@code CheckRunResult.isolation}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
