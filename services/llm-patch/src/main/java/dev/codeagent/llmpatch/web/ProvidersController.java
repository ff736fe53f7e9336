package dev.codeagent.llmpatch.web;

import dev.codeagent.contracts.patch.ProviderStatus;
import dev.codeagent.llmpatch.provider.ProviderChain;
import dev.codeagent.llmpatch.provider.ProviderPolicy;
import dev.codeagent.llmpatch.provider.ProviderSlot;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/providers}: the chain in order, with why a provider is skipped, its live counters and the projects
 * the provider policy keeps away from it.
 */
@RestController
public class ProvidersController {

    private final ProviderChain chain;

    public ProvidersController(ProviderChain chain) {
        this.chain = chain;
    }

    @GetMapping("/api/providers")
    public List<ProviderStatus> providers() {
        return chain.slots().stream().map(s -> status(s, chain.policy())).toList();
    }

    static ProviderStatus status(ProviderSlot s, ProviderPolicy policy) {
        var c = s.counters();
        return new ProviderStatus(s.order(), s.name(), s.model(), s.baseUrl(), s.enabled(), s.skippedReason(),
                c.reachable(), c.lastError(), c.lastErrorAt(), c.requests(), c.successes(), c.failures(), c.fallbacks(),
                policy.deniedProjects(s.name()));
    }
}
