package dev.codeagent.adapter.provider;

import java.util.Map;

/**
 * What a provider reports about itself for diagnostics and readiness. {@code configured} says whether it
 * can serve requests at all; {@code ready} whether its real dependency is usable right now;
 * {@code details} never holds secrets.
 */
public record ProviderStatus(String name, boolean configured, boolean ready, String detail,
        Map<String, Object> details) {

    public ProviderStatus {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
