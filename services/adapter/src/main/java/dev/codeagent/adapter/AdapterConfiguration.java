package dev.codeagent.adapter;

import dev.codeagent.adapter.ado.AzureDevOpsClient;
import dev.codeagent.adapter.ado.AzureDevOpsCredentials;
import dev.codeagent.adapter.ado.AzureDevOpsIdentityProperties;
import dev.codeagent.adapter.ado.AzureDevOpsProperties;
import dev.codeagent.adapter.ado.AzureDevOpsProvider;
import dev.codeagent.adapter.ado.EntraCredentials;
import dev.codeagent.adapter.ado.EntraTokenCredentials;
import dev.codeagent.adapter.ado.PatCredentials;
import dev.codeagent.adapter.ado.Sleeper;
import dev.codeagent.adapter.local.LocalGitProvider;
import dev.codeagent.adapter.local.LocalProperties;
import dev.codeagent.adapter.local.LocalPullRequests;
import dev.codeagent.adapter.local.LocalRepositories;
import dev.codeagent.adapter.local.LocalRepositoryFactory;
import dev.codeagent.adapter.local.LocalReviewStore;
import dev.codeagent.adapter.provider.GitProvider;
import dev.codeagent.adapter.provider.GitProviders;
import dev.codeagent.adapter.trigger.TriggerGate;
import dev.codeagent.adapter.trigger.TriggerProperties;
import java.nio.file.Path;
import org.eclipse.jgit.lib.PersonIdent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the providers from configuration: local when enabled, azure-devops always (inactive without auth). */
@Configuration(proxyBeanMethods = false)
public class AdapterConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    Sleeper sleeper() {
        return Sleeper.threadSleep();
    }

    @Bean
    @ConditionalOnProperty(name = "codeagent.local.enabled", havingValue = "true", matchIfMissing = true)
    LocalRepositories localRepositories(LocalProperties properties) {
        LocalRepositories repositories = new LocalRepositories(Path.of(properties.root()));
        repositories.ensureRoot();
        return repositories;
    }

    @Bean
    @ConditionalOnProperty(name = "codeagent.local.enabled", havingValue = "true", matchIfMissing = true)
    LocalPullRequests localPullRequests(LocalRepositories repositories, JsonMapper jsonMapper,
            AdapterProperties adapter, Clock clock) {
        return new LocalPullRequests(repositories, new LocalReviewStore(repositories, jsonMapper), adapter.publicUrl(),
                clock);
    }

    @Bean
    @ConditionalOnProperty(name = "codeagent.local.enabled", havingValue = "true", matchIfMissing = true)
    LocalGitProvider localGitProvider(LocalRepositories repositories, LocalPullRequests pullRequests,
            AdapterProperties adapter) {
        return new LocalGitProvider(repositories, pullRequests, adapter);
    }

    @Bean
    @ConditionalOnProperty(name = "codeagent.local.enabled", havingValue = "true", matchIfMissing = true)
    LocalRepositoryFactory localRepositoryFactory(LocalRepositories repositories, AdapterProperties adapter) {
        return new LocalRepositoryFactory(repositories, new PersonIdent(adapter.committerName(),
                adapter.committerEmail()));
    }

    @Bean(destroyMethod = "close")
    AzureDevOpsProvider azureDevOpsProvider(AzureDevOpsProperties properties,
            AzureDevOpsIdentityProperties identities, AdapterProperties adapter, JsonMapper jsonMapper,
            Sleeper sleeper, Clock clock, ObjectProvider<com.azure.core.http.HttpClient> identityHttpClient) {
        properties.validate();
        Optional<AzureDevOpsCredentials> credentials = switch (properties.effectiveAuth()) {
            case PAT -> Optional.of(new PatCredentials(properties.pat()));
            case ENTRA -> Optional.of(new EntraCredentials(
                    EntraTokenCredentials.create(properties, identityHttpClient.getIfAvailable()),
                    properties.tokenRefreshSkew(), clock));
            case NONE, AUTO -> Optional.empty();
        };
        AzureDevOpsClient client = credentials
                .map(c -> new AzureDevOpsClient(properties, c, jsonMapper, sleeper, clock))
                .orElse(null);
        return new AzureDevOpsProvider(properties, identities, client, adapter);
    }

    @Bean
    GitProviders gitProviders(List<GitProvider> providers) {
        return new GitProviders(new ArrayList<>(providers));
    }

    @Bean
    TriggerGate triggerGate(TriggerProperties properties, Clock clock) {
        return new TriggerGate(properties, clock);
    }

    /** Says at start-up who may trigger the agent on each provider, so an open gate never goes unnoticed. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> triggerPolicyLog(TriggerGate gate, GitProviders providers) {
        return event -> gate.logPolicies(providers.all());
    }
}
