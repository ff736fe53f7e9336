package dev.codeagent.llmpatch.provider;

import java.time.Duration;

/**
 * Per-provider limits. {@code contextTokens}: tokens the provider accepts for prompt plus answer, of which
 * {@code maxOutputTokens} are reserved for the answer; {@code prefersWholeFile}: small files are sent
 * whole (weak local models do better with them). Temperatures: variant k uses {@code baseTemperature + 0.1·(k-1)}, capped at
 * {@code maxTemperature} (the provider's documented maximum or a lower sensible one), so variants differ a
 * little in sampling as well as in strategy.
 */
public record ProviderSettings(String name, String model, String baseUrl, long contextTokens, int maxOutputTokens,
        Duration timeout, double baseTemperature, double maxTemperature, boolean prefersWholeFile) {

    public double temperature(int k) {
        double t = baseTemperature + 0.1 * Math.max(0, k - 1);
        return Math.max(0.0, Math.min(maxTemperature, Math.round(t * 100) / 100.0));
    }
}
