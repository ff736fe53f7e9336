package dev.codeagent.llmpatch.provider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which providers may see a project's code ({@code CODEAGENT_PROVIDER_POLICY}). Rules are separated by
 * {@code ;}, each {@code Project=provider,provider} (for example {@code Payments=ollama;Mobile=azure-openai,ollama}).
 * Project names match case-insensitively; the project {@code *} is the rule for every project not named and for
 * a request that names no project. A project without a rule, when there is no {@code *} rule, may use the whole
 * chain. The chain keeps its own order; a rule only removes providers from it.
 */
public final class ProviderPolicy {

    public static final String ANY_PROJECT = "*";

    private static final ProviderPolicy NONE = new ProviderPolicy(Map.of());

    /** Rules by project name in lower case. */
    private final Map<String, Rule> rules;

    private ProviderPolicy(Map<String, Rule> rules) {
        this.rules = rules;
    }

    /** One project's allowed providers, {@code project} as the policy spells it. */
    public record Rule(String project, List<String> providers) {

        public boolean allows(String provider) {
            return providers.contains(provider);
        }

        /** Why other providers are not asked, for the variant's failure: names the project as the request did. */
        public String describe(String requestedProject) {
            String who = ANY_PROJECT.equals(project)
                    ? "project " + (requestedProject == null || requestedProject.isBlank() ? "(none given)" : requestedProject)
                            + " (rule " + ANY_PROJECT + ")"
                    : "project " + project;
            return "provider policy for " + who + " allows only " + String.join(", ", providers);
        }
    }

    public static ProviderPolicy none() {
        return NONE;
    }

    /**
     * Reads the policy; {@code knownProviders} are the names a rule may use, so that a typo fails at start-up
     * instead of silently keeping a project off every provider.
     */
    public static ProviderPolicy parse(String spec, Collection<String> knownProviders) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (String raw : spec.split(";")) {
            String text = raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            int eq = text.indexOf('=');
            String project = eq < 0 ? "" : text.substring(0, eq).strip();
            if (project.isEmpty()) {
                throw new IllegalArgumentException("CODEAGENT_PROVIDER_POLICY: \"" + text
                        + "\" is not Project=provider[,provider...]");
            }
            List<String> providers = Arrays.stream(text.substring(eq + 1).split(","))
                    .map(p -> p.strip().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).distinct().toList();
            if (providers.isEmpty()) {
                throw new IllegalArgumentException("CODEAGENT_PROVIDER_POLICY: project " + project
                        + " names no provider");
            }
            for (String p : providers) {
                if (!knownProviders.contains(p)) {
                    throw new IllegalArgumentException("CODEAGENT_PROVIDER_POLICY: unknown provider \"" + p
                            + "\" for project " + project + " (known: " + String.join(", ", knownProviders) + ")");
                }
            }
            if (rules.put(key(project), new Rule(project, providers)) != null) {
                throw new IllegalArgumentException("CODEAGENT_PROVIDER_POLICY: project " + project + " has two rules");
            }
        }
        return new ProviderPolicy(Map.copyOf(rules));
    }

    /** The rule that applies to {@code project} (null or blank: none given), or null when it may use every provider. */
    public Rule ruleFor(String project) {
        Rule rule = project == null || project.isBlank() ? null : rules.get(key(project.strip()));
        return rule != null ? rule : rules.get(ANY_PROJECT);
    }

    /** Projects, as the policy spells them, whose code never goes to {@code provider}; {@code *} for the default rule. */
    public List<String> deniedProjects(String provider) {
        List<String> denied = new ArrayList<>();
        for (Rule rule : rules.values()) {
            if (!rule.allows(provider)) {
                denied.add(rule.project());
            }
        }
        denied.sort(String.CASE_INSENSITIVE_ORDER);
        return denied;
    }

    private static String key(String project) {
        return project.toLowerCase(Locale.ROOT);
    }
}
