package dev.codeagent.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The cache and placement variables bind as the docs write them. */
class KubernetesSettingsBindingTest {

    static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind(prefix, type).get();
    }

    @Test
    void cacheModesBindAsTheDocumentedWords() {
        RunnerProperties.Kubernetes.Cache cache = bind("cache", RunnerProperties.Kubernetes.Cache.class, Map.of(
                "cache.mode", "claim-per-repository", "cache.claim", "", "cache.storage-class", " fast-ssd ",
                "cache.size", "20GB", "cache.access-mode", "ReadWriteMany"));
        assertThat(cache.mode()).isEqualTo(RunnerProperties.Kubernetes.CacheMode.CLAIM_PER_REPOSITORY);
        assertThat(cache.storageClass()).isEqualTo("fast-ssd");
        assertThat(cache.size()).isEqualTo(DataSize.ofGigabytes(20));
        assertThat(cache.shared()).isTrue();
        assertThat(bind("cache", RunnerProperties.Kubernetes.Cache.class, Map.of("cache.mode", "shared-claim",
                "cache.claim", "build-caches", "cache.size", "1GB", "cache.access-mode", "ReadWriteOnce")).shared())
                .as("a shared claim is ReadWriteMany whatever the claims' access mode says").isTrue();
        assertThatThrownBy(() -> bind("cache", RunnerProperties.Kubernetes.Cache.class, Map.of("cache.mode",
                "per-repo", "cache.size", "1GB", "cache.access-mode", "ReadWriteOnce")))
                .hasStackTraceContaining("per-repo");
    }

    @Test
    void unsetPlacementIsEmptyNotNull() {
        RunnerProperties.Kubernetes.Placement placement = bind("placement",
                RunnerProperties.Kubernetes.Placement.class, Map.of("placement.node-selector", "node-pool=checks"));
        assertThat(placement.nodeSelector()).isEqualTo("node-pool=checks");
        assertThat(placement.tolerations()).isEmpty();
        assertThat(placement.podAnnotations()).isEmpty();
    }
}
