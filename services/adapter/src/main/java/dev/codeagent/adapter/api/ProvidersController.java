package dev.codeagent.adapter.api;

import dev.codeagent.adapter.provider.GitProvider;
import dev.codeagent.adapter.provider.GitProviders;
import dev.codeagent.adapter.provider.ProviderStatus;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which git providers this adapter serves, for diagnostics. Never calls a remote host. */
@RestController
public class ProvidersController {

    /** The answer of {@code GET /api/v1/providers}. */
    public record Providers(List<ProviderStatus> providers) {
    }

    private final GitProviders providers;

    public ProvidersController(GitProviders providers) {
        this.providers = providers;
    }

    @GetMapping("/api/v1/providers")
    public Providers providers() {
        return new Providers(providers.all().stream().map(GitProvider::status).toList());
    }
}
