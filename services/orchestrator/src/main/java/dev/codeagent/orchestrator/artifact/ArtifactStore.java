package dev.codeagent.orchestrator.artifact;

import java.util.Optional;

/**
 * Where job artifacts (patch requests, model answers, diffs, reports) are kept. Keys look like
 * {@code jobs/<jobId>/variant-2/diff.patch}; writing a key again replaces it, so a replayed step is harmless.
 */
public interface ArtifactStore {

    void put(String key, String contentType, byte[] content);

    Optional<byte[]> get(String key);

    /** Deletes every artifact under {@code jobs/<jobId>/}. */
    void deleteJob(String jobId);

    /** A short description for logs and health details (never credentials). */
    String describe();

    static String jobPrefix(String jobId) {
        return "jobs/" + jobId + "/";
    }
}
