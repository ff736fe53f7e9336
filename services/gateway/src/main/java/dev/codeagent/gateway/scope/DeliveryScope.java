package dev.codeagent.gateway.scope;

import dev.codeagent.contracts.command.RepositoryRef;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Refuses comments from outside the configured scope before anything is done for them: another Azure
 * DevOps organization than {@code CODEAGENT_ADO_ORGANIZATION}, a project outside
 * {@code CODEAGENT_ALLOWED_PROJECTS}, a repository outside {@code CODEAGENT_ALLOWED_REPOSITORIES}. Every
 * configured check must pass; an unset one does not restrict. Names compare without regard to case, as
 * Azure DevOps compares them.
 */
@Component
public class DeliveryScope {

    private final String adoOrganization;
    private final List<NamePattern> projects;
    private final List<NamePattern> repositories;

    public DeliveryScope(ScopeProperties properties) {
        this.adoOrganization = properties.adoOrganization();
        this.projects = properties.allowedProjects().stream().map(NamePattern::of).toList();
        this.repositories = properties.allowedRepositories().stream().map(NamePattern::of).toList();
    }

    /** Why the gateway does not act for this repository, or null when it does. */
    public String refusal(RepositoryRef repository) {
        if (adoOrganization != null && RepositoryRef.AZURE_DEVOPS.equals(repository.provider())
                && !adoOrganization.equalsIgnoreCase(repository.organization())) {
            return "This gateway serves the Azure DevOps organization '" + adoOrganization
                    + "' (CODEAGENT_ADO_ORGANIZATION); the delivery is for '" + repository.organization() + "'.";
        }
        if (!projects.isEmpty() && !matchesAny(projects, repository.project())) {
            return "The project '" + repository.project() + "' is not in CODEAGENT_ALLOWED_PROJECTS.";
        }
        String projectAndRepository = repository.project() + "/" + repository.repository();
        if (!repositories.isEmpty() && !matchesAny(repositories, projectAndRepository)) {
            return "The repository '" + projectAndRepository + "' is not in CODEAGENT_ALLOWED_REPOSITORIES.";
        }
        return null;
    }

    private static boolean matchesAny(List<NamePattern> patterns, String name) {
        for (NamePattern pattern : patterns) {
            if (pattern.matches(name)) {
                return true;
            }
        }
        return false;
    }
}
