package dev.codeagent.llmpatch.config;

import dev.codeagent.llmpatch.provider.AzureOpenAiProviders;
import dev.codeagent.llmpatch.provider.EntraTokens;
import dev.codeagent.llmpatch.provider.ModelProvider;
import dev.codeagent.llmpatch.provider.OfflineProvider;
import dev.codeagent.llmpatch.provider.ProviderChain;
import dev.codeagent.llmpatch.provider.ProviderCounters;
import dev.codeagent.llmpatch.provider.ProviderPolicy;
import dev.codeagent.llmpatch.provider.ProviderSettings;
import dev.codeagent.llmpatch.provider.ProviderSlot;
import dev.codeagent.llmpatch.provider.SpringAiProviders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Builds the chain from configuration: each named provider is enabled when it has what it needs (URL for
 * Ollama, API key for Anthropic and OpenAI, endpoint and deployment for Azure OpenAI) and otherwise kept as a
 * skipped slot with the reason, so {@code GET /api/providers} explains an empty chain instead of hiding it.
 */
public final class ProviderChainFactory {

    private static final Logger log = LoggerFactory.getLogger(ProviderChainFactory.class);

    /** Every provider name the chain and the provider policy understand. */
    static final List<String> KNOWN = List.of("ollama", AzureOpenAiProviders.NAME, "anthropic", "openai",
            OfflineProvider.NAME);

    private ProviderChainFactory() {
    }

    public static ProviderChain build(LlmPatchProperties props, Environment env) {
        List<ProviderSlot> slots = new ArrayList<>();
        int order = 1;
        for (String raw : props.providers()) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            slots.add(slot(order++, name, props, env));
        }
        for (ProviderSlot slot : slots) {
            if (slot.enabled()) {
                log.info("model provider {}: {} model {}{}", slot.order(), slot.name(), slot.model(),
                        slot.baseUrl() == null ? " (local, no network)" : " at " + slot.baseUrl());
            } else {
                log.info("model provider {}: {} skipped ({})", slot.order(), slot.name(), slot.skippedReason());
            }
        }
        ProviderPolicy policy = ProviderPolicy.parse(props.providerPolicy(), KNOWN);
        for (String name : KNOWN) {
            List<String> denied = policy.deniedProjects(name);
            if (!denied.isEmpty()) {
                log.info("provider policy: {} never receives code of project(s) {}", name, denied);
            }
        }
        return new ProviderChain(slots, policy, props.rateLimitRetries(), props.maxRetryAfter());
    }

    private static ProviderSlot slot(int order, String name, LlmPatchProperties props, Environment env) {
        ProviderCounters counters = new ProviderCounters();
        int maxOut = props.maxOutputTokens();
        switch (name) {
            case "ollama" -> {
                LlmPatchProperties.Ollama o = props.ollama();
                if (isBlank(o.url())) {
                    return skipped(order, name, o.model(), null, "CODEAGENT_OLLAMA_URL is not set", counters);
                }
                ProviderSettings s = new ProviderSettings(name, o.model(), o.url(), o.numCtx(),
                        Math.min(maxOut, o.numCtx() / 2), o.timeout(), o.temperature(), 1.0, wholeFile(o.editFormat()));
                return enabled(order, SpringAiProviders.ollama(s), counters);
            }
            case "anthropic" -> {
                LlmPatchProperties.Remote a = props.anthropic();
                if (isBlank(a.apiKey())) {
                    return skipped(order, name, a.model(), a.baseUrl(), "CODEAGENT_ANTHROPIC_API_KEY is not set", counters);
                }
                ProviderSettings s = new ProviderSettings(name, a.model(), a.baseUrl(), a.contextTokens(), maxOut,
                        a.timeout(), Math.min(1.0, a.temperature()), 1.0, wholeFile(a.editFormat()));
                return enabled(order, SpringAiProviders.anthropic(s, a.apiKey()), counters);
            }
            case "openai" -> {
                LlmPatchProperties.Remote o = props.openai();
                if (isBlank(o.apiKey())) {
                    return skipped(order, name, o.model(), o.baseUrl(), "CODEAGENT_OPENAI_API_KEY is not set", counters);
                }
                ProviderSettings s = new ProviderSettings(name, o.model(), o.baseUrl(), o.contextTokens(), maxOut,
                        o.timeout(), o.temperature(), 1.2, wholeFile(o.editFormat()));
                return enabled(order, SpringAiProviders.openAi(s, o.apiKey()), counters);
            }
            case AzureOpenAiProviders.NAME -> {
                LlmPatchProperties.AzureOpenAi a = props.azureOpenai();
                if (isBlank(a.endpoint()) || isBlank(a.deployment())) {
                    return skipped(order, name, a.deployment(), a.endpoint(),
                            "CODEAGENT_AZURE_OPENAI_ENDPOINT and CODEAGENT_AZURE_OPENAI_DEPLOYMENT are not both set",
                            counters);
                }
                ProviderSettings s = new ProviderSettings(name, a.deployment(), a.endpoint(), a.contextTokens(), maxOut,
                        a.timeout(), a.temperature(), 1.2, wholeFile(a.editFormat()));
                return enabled(order, isBlank(a.apiKey())
                        ? AzureOpenAiProviders.withEntraId(s, a.apiVersion(), EntraTokens.defaultChain())
                        : AzureOpenAiProviders.withApiKey(s, a.apiVersion(), a.apiKey()), counters);
            }
            case OfflineProvider.NAME -> {
                String off = offlineDisabledReason(props, env);
                if (off != null) {
                    return skipped(order, name, OfflineProvider.MODEL, null, off, counters);
                }
                return enabled(order, new OfflineProvider(), counters);
            }
            default -> {
                return skipped(order, name, null, null, "unknown provider (known: " + String.join(", ", KNOWN) + ")",
                        counters);
            }
        }
    }

    /** Null when the offline provider may run, else why not. */
    static String offlineDisabledReason(LlmPatchProperties props, Environment env) {
        if (props.offlineEnabled() != null) {
            return props.offlineEnabled() ? null : "CODEAGENT_LLM_OFFLINE_ENABLED=false";
        }
        boolean production = "production".equalsIgnoreCase(props.profile() == null ? "" : props.profile().strip())
                || env.acceptsProfiles(Profiles.of("production"));
        return production ? "off in the production profile; set CODEAGENT_LLM_OFFLINE_ENABLED=true to allow it" : null;
    }

    private static boolean wholeFile(String editFormat) {
        return !"search-replace".equalsIgnoreCase(editFormat.strip());
    }

    private static ProviderSlot enabled(int order, ModelProvider p, ProviderCounters counters) {
        ProviderSettings s = p.settings();
        return new ProviderSlot(order, s.name(), p, s.model(), s.baseUrl(), null, counters);
    }

    private static ProviderSlot skipped(int order, String name, String model, String baseUrl, String reason,
            ProviderCounters counters) {
        return new ProviderSlot(order, name, null, model, baseUrl, reason, counters);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
