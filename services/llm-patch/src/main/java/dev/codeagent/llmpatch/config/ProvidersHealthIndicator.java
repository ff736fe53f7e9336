package dev.codeagent.llmpatch.config;

import dev.codeagent.llmpatch.provider.ProviderChain;
import dev.codeagent.llmpatch.provider.ProviderSlot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready when at least one provider of the chain is enabled. Model APIs are not called from the probe:
 * that would spend tokens and rate limit, and the chain already falls back when one is down.
 */
public class ProvidersHealthIndicator implements HealthIndicator {

    private final ProviderChain chain;

    public ProvidersHealthIndicator(ProviderChain chain) {
        this.chain = chain;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (ProviderSlot s : chain.slots()) {
            details.put(s.name(), s.enabled() ? "enabled (" + s.model() + ")" : "skipped: " + s.skippedReason());
        }
        if (!chain.hasEnabledProvider()) {
            return Health.down().withDetails(details).withDetail("error", "No model provider is enabled").build();
        }
        return Health.up().withDetails(details).build();
    }
}
