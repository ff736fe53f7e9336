package dev.codeagent.adapter.health;

import dev.codeagent.adapter.provider.GitProvider;
import dev.codeagent.adapter.provider.GitProviders;
import dev.codeagent.adapter.provider.ProviderStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the configured providers: the local root must exist and be writable; azure-devops must
 * have its configuration. Azure DevOps itself is not called from a probe (that would spend rate limit and
 * turn a remote blip into a restart storm).
 */
public class GitProvidersHealthIndicator implements HealthIndicator {

    private final GitProviders providers;

    public GitProvidersHealthIndicator(GitProviders providers) {
        this.providers = providers;
    }

    @Override
    public Health health() {
        boolean up = true;
        int configured = 0;
        Map<String, Object> details = new LinkedHashMap<>();
        for (GitProvider provider : providers.all()) {
            ProviderStatus status = provider.status();
            Map<String, Object> entry = new LinkedHashMap<>(status.details());
            entry.put("configured", status.configured());
            entry.put("ready", status.ready());
            entry.put("detail", status.detail());
            details.put(status.name(), entry);
            if (status.configured()) {
                configured++;
                up &= status.ready();
            }
        }
        if (configured == 0) {
            return Health.down().withDetails(details).withDetail("error", "No git provider is configured").build();
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
