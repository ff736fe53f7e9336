package dev.codeagent.llmpatch.provider;

/**
 * A position in the configured chain: an enabled {@code provider}, or a name with the reason it is skipped
 * (no URL, no key, unknown, switched off).
 */
public record ProviderSlot(int order, String name, ModelProvider provider, String model, String baseUrl,
        String skippedReason, ProviderCounters counters) {

    public boolean enabled() {
        return provider != null;
    }
}
