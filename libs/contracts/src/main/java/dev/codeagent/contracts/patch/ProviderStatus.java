package dev.codeagent.contracts.patch;

import java.time.Instant;

/** One link of the model provider chain, as {@code GET /api/providers} shows it. */
public record ProviderStatus(
        int order,
        String name,
        String model,
        String baseUrl,
        boolean enabled,
        String skippedReason,
        Boolean reachable,
        String lastError,
        Instant lastErrorAt,
        long requests,
        long successes,
        long failures,
        long fallbacks) {
}
