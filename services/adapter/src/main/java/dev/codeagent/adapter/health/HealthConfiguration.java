package dev.codeagent.adapter.health;

import dev.codeagent.adapter.provider.GitProviders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the readiness contributor under the name {@code gitProviders}. */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    GitProvidersHealthIndicator gitProvidersHealthIndicator(GitProviders providers) {
        return new GitProvidersHealthIndicator(providers);
    }
}
