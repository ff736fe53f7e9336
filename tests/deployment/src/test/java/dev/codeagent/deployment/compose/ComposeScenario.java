package dev.codeagent.deployment.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One way of rendering the stack: compose files (base + optional override), active profiles, environment. */
record ComposeScenario(List<String> files, Set<String> profiles, Map<String, String> environment) {

    static final String BASE = "docker-compose.yml";

    /** What staging and production refuse to render without (the values only need to be plausible). */
    static final Map<String, String> EXTERNAL_ENDPOINTS = Map.of(
            "CODEAGENT_SECRETS_PATH", "/etc/codeagent/secrets",
            "CODEAGENT_DB_URL", "jdbc:postgresql://db.internal:5432/codeagent",
            "CODEAGENT_OLLAMA_URL", "http://ollama.internal:11434",
            "CODEAGENT_PUBLIC_URL", "https://codeagent.example.com");

    /** Every override (none, dev, staging, prod) with every profile combination. */
    static List<ComposeScenario> all() {
        List<ComposeScenario> scenarios = new ArrayList<>();
        for (String override : new String[] {null, "docker-compose.dev.yml", "docker-compose.staging.yml",
                "docker-compose.prod.yml"}) {
            for (Set<String> profiles : List.of(Set.<String>of(), Set.of("local-llm"), Set.of("supabase-local"),
                    Set.of("local-llm", "supabase-local"))) {
                scenarios.add(withOverride(override, profiles));
            }
        }
        return scenarios;
    }

    /** The base file plus an override (null: none); staging and prod get their required variables. */
    static ComposeScenario withOverride(String override, Set<String> profiles) {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> files = override == null ? List.of(BASE) : List.of(BASE, override);
        ComposeScenario scenario = new ComposeScenario(files, profiles, env);
        if (scenario.isProductionLike()) {
            env.putAll(EXTERNAL_ENDPOINTS);
        }
        return scenario;
    }

    boolean isDev() {
        return files.contains("docker-compose.dev.yml");
    }

    boolean isProductionLike() {
        return files.contains("docker-compose.staging.yml") || files.contains("docker-compose.prod.yml");
    }

    @Override
    public String toString() {
        return String.join(" + ", files) + (profiles.isEmpty() ? "" : " --profile " + String.join(" --profile ",
                profiles.stream().sorted().toList()));
    }
}
