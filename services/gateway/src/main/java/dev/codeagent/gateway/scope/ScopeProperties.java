package dev.codeagent.gateway.scope;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which repositories this gateway acts for. Unset means no restriction.
 *
 * @param adoOrganization     the Azure DevOps organization (on Azure DevOps Server: the collection) deliveries
 *                            must be for ({@code CODEAGENT_ADO_ORGANIZATION}); also the organization of a
 *                            delivery that names none
 * @param allowedProjects     project names, {@code *} matching any run of characters
 *                            ({@code CODEAGENT_ALLOWED_PROJECTS})
 * @param allowedRepositories {@code project/repository} names, {@code *} matching any run of characters
 *                            ({@code CODEAGENT_ALLOWED_REPOSITORIES})
 */
@ConfigurationProperties("codeagent.scope")
public record ScopeProperties(String adoOrganization, List<String> allowedProjects, List<String> allowedRepositories) {

    public ScopeProperties {
        adoOrganization = adoOrganization == null || adoOrganization.isBlank() ? null : adoOrganization.strip();
        allowedProjects = entries(allowedProjects);
        allowedRepositories = entries(allowedRepositories);
        for (String entry : allowedProjects) {
            if (entry.contains("/")) {
                throw new IllegalStateException("CODEAGENT_ALLOWED_PROJECTS names projects, without '/': '" + entry
                        + "' (put project/repository names into CODEAGENT_ALLOWED_REPOSITORIES).");
            }
        }
        for (String entry : allowedRepositories) {
            int slash = entry.indexOf('/');
            if (slash <= 0 || slash == entry.length() - 1 || entry.indexOf('/', slash + 1) >= 0) {
                throw new IllegalStateException("CODEAGENT_ALLOWED_REPOSITORIES entries are project/repository "
                        + "(e.g. Payments/payments-api or Payments/*): '" + entry + "'.");
            }
        }
    }

    private static List<String> entries(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
