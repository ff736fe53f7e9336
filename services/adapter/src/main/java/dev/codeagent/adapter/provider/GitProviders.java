package dev.codeagent.adapter.provider;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The providers this adapter serves, by name. */
public class GitProviders {

    private final Map<String, GitProvider> byName = new LinkedHashMap<>();

    public GitProviders(List<GitProvider> providers) {
        providers.forEach(p -> byName.put(p.name(), p));
    }

    /** The provider named in a request path; 404 naming the configured ones otherwise. */
    public GitProvider require(String name) {
        GitProvider provider = byName.get(name);
        if (provider == null || !provider.configured()) {
            throw GitProblems.notFound("Provider '" + String.valueOf(name).replaceAll("[^A-Za-z0-9._-]", "?")
                    + "' is not configured on this adapter; configured: " + String.join(", ", configuredNames())
                    + ". See docs/azure-devops.md to enable azure-devops.");
        }
        return provider;
    }

    private List<String> configuredNames() {
        return byName.values().stream().filter(GitProvider::configured).map(GitProvider::name).toList();
    }

    public Collection<GitProvider> all() {
        return byName.values();
    }
}
