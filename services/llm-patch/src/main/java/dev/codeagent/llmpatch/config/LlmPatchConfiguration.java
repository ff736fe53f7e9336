package dev.codeagent.llmpatch.config;

import dev.codeagent.llmpatch.context.ContextSelector;
import dev.codeagent.llmpatch.engine.PatchEngine;
import dev.codeagent.llmpatch.engine.PathPolicy;
import dev.codeagent.llmpatch.patch.PatchService;
import dev.codeagent.llmpatch.provider.ProviderChain;
import dev.codeagent.llmpatch.usage.ModelPrices;
import dev.codeagent.llmpatch.usage.UsageMeter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the engine, the provider chain and the services from {@link LlmPatchProperties}. */
@Configuration(proxyBeanMethods = false)
public class LlmPatchConfiguration {

    @Bean
    PatchEngine patchEngine(LlmPatchProperties props) {
        return new PatchEngine(new PathPolicy(props.patch().effectiveProtectedPaths(), props.patch().allowedProtectedPaths()),
                props.patch().maxFileSize().toBytes());
    }

    @Bean(destroyMethod = "close")
    ProviderChain providerChain(LlmPatchProperties props, Environment env) {
        return ProviderChainFactory.build(props, env);
    }

    /** Fails the start-up on a malformed CODEAGENT_MODEL_PRICES entry rather than leaving that model unpriced. */
    @Bean
    UsageMeter usageMeter(LlmPatchProperties props, MeterRegistry registry) {
        return new UsageMeter(ModelPrices.parse(props.modelPrices()), registry);
    }

    @Bean
    PatchService patchService(ProviderChain chain, PatchEngine engine, UsageMeter usage, LlmPatchProperties props) {
        return new PatchService(chain, engine, usage, props.maxAttempts(), props.wholeFileMaxSize().toBytes());
    }

    @Bean
    ContextSelector contextSelector(LlmPatchProperties props) {
        return new ContextSelector(props.context().budget().toBytes(), props.context().maxFileSize().toBytes());
    }

    @Bean
    ProvidersHealthIndicator modelProvidersHealthIndicator(ProviderChain chain) {
        return new ProvidersHealthIndicator(chain);
    }
}
