package dev.codeagent.contracts.patch;

import java.time.Instant;
import java.util.List;

/**
 * One link of the model provider chain, as {@code GET /api/providers} shows it. {@code deniedProjects}: the
 * projects whose provider policy keeps their code away from this provider ({@code *}: every project not named).
 */
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
        long fallbacks,
        List<String> deniedProjects) {
}
