package dev.codeagent.llmpatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

class ProviderChainFactoryTest {

    private static LlmPatchProperties props(String profile, Boolean offline) {
        return new LlmPatchProperties(profile, List.of("ollama", "offline"), offline, 3, 2, Duration.ofSeconds(10), 4096,
                DataSize.ofKilobytes(8),
                new LlmPatchProperties.Ollama("", "m", 16384, Duration.ofSeconds(1), 0.2, "auto"),
                new LlmPatchProperties.Remote("", "u", "m", 200_000, Duration.ofSeconds(1), 0.2, "search-replace"),
                new LlmPatchProperties.Remote("", "u", "m", 128_000, Duration.ofSeconds(1), 0.2, "search-replace"),
                new LlmPatchProperties.Patch(List.of(), List.of(), List.of(), DataSize.ofMegabytes(1), DataSize.ofMegabytes(2), 500),
                new LlmPatchProperties.Context(DataSize.ofKilobytes(200), DataSize.ofKilobytes(256)),
                new LlmPatchProperties.AzureOpenAi("", "", "2024-10-21", "", 128_000, Duration.ofSeconds(1), 0.2,
                        "search-replace"), "", "");
    }

    @Test
    void offlineIsOnByDefaultOffInProductionUnlessForced() {
        MockEnvironment env = new MockEnvironment();
        assertThat(ProviderChainFactory.offlineDisabledReason(props("", null), env)).isNull();
        assertThat(ProviderChainFactory.offlineDisabledReason(props("production", null), env)).contains("production");
        assertThat(ProviderChainFactory.offlineDisabledReason(props("production", true), env)).isNull();
        assertThat(ProviderChainFactory.offlineDisabledReason(props("", false), env)).contains("=false");
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("production");
        assertThat(ProviderChainFactory.offlineDisabledReason(props("", null), prod)).contains("production");
    }

    @Test
    void emptyChainIsNotReady() {
        try (var chain = ProviderChainFactory.build(props("production", null), new MockEnvironment())) {
            assertThat(chain.hasEnabledProvider()).isFalse();
            assertThat(chain.slots()).extracting(s -> s.skippedReason()).allMatch(r -> r != null);
            assertThat(new ProvidersHealthIndicator(chain).health().getStatus().getCode()).isEqualTo("DOWN");
        }
        try (var chain = ProviderChainFactory.build(props("", null), new MockEnvironment())) {
            assertThat(new ProvidersHealthIndicator(chain).health().getStatus().getCode()).isEqualTo("UP");
        }
    }
}
