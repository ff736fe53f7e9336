package dev.codeagent.gateway.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codeagent.contracts.command.RepositoryRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryScopeTest {

    @Test
    void withNothingConfiguredEveryRepositoryIsServed() {
        DeliveryScope scope = scope(null, null, null);
        assertThat(scope.refusal(ado("anyone", "Any", "thing"))).isNull();
    }

    @Test
    void anotherAzureDevOpsOrganizationIsRefused() {
        DeliveryScope scope = scope(" fabrikam ", null, null);
        assertThat(scope.refusal(ado("Fabrikam", "Web", "shop"))).isNull();
        assertThat(scope.refusal(ado("contoso", "Web", "shop")))
                .isEqualTo("This gateway serves the Azure DevOps organization 'fabrikam' "
                        + "(CODEAGENT_ADO_ORGANIZATION); the delivery is for 'contoso'.");
        // The organization of the local provider is not an Azure DevOps organization.
        assertThat(scope.refusal(new RepositoryRef(RepositoryRef.LOCAL, "local", "local", "demo", null))).isNull();
    }

    @Test
    void projectsOutsideTheAllowListAreRefused() {
        DeliveryScope scope = scope(null, List.of("Payments", " Team * "), null);
        assertThat(scope.refusal(ado("o", "payments", "api"))).isNull();
        assertThat(scope.refusal(ado("o", "Team Alpha", "api"))).isNull();
        assertThat(scope.refusal(ado("o", "Team ", "api"))).isNull();
        assertThat(scope.refusal(ado("o", "Payments2", "api")))
                .isEqualTo("The project 'Payments2' is not in CODEAGENT_ALLOWED_PROJECTS.");
        assertThat(scope.refusal(ado("o", "My Team A", "api"))).isNotNull();
    }

    @Test
    void repositoriesOutsideTheAllowListAreRefused() {
        DeliveryScope scope = scope(null, null, List.of("Payments/payments-*", "*/docs", "Web/shop"));
        assertThat(scope.refusal(ado("o", "Payments", "Payments-API"))).isNull();
        assertThat(scope.refusal(ado("o", "Anything", "docs"))).isNull();
        assertThat(scope.refusal(ado("o", "web", "SHOP"))).isNull();
        assertThat(scope.refusal(ado("o", "Web", "shop2")))
                .isEqualTo("The repository 'Web/shop2' is not in CODEAGENT_ALLOWED_REPOSITORIES.");
        assertThat(scope.refusal(ado("o", "Payments", "billing"))).isNotNull();
        // A dot or other regular-expression characters in a name are plain characters.
        DeliveryScope dotted = scope(null, null, List.of("Web/a.b"));
        assertThat(dotted.refusal(ado("o", "Web", "a.b"))).isNull();
        assertThat(dotted.refusal(ado("o", "Web", "axb"))).isNotNull();
    }

    @Test
    void everyConfiguredCheckMustPass() {
        DeliveryScope scope = scope("fabrikam", List.of("Payments"), List.of("*/api"));
        assertThat(scope.refusal(ado("fabrikam", "Payments", "api"))).isNull();
        assertThat(scope.refusal(ado("fabrikam", "Payments", "web"))).contains("CODEAGENT_ALLOWED_REPOSITORIES");
        assertThat(scope.refusal(ado("fabrikam", "Web", "api"))).contains("CODEAGENT_ALLOWED_PROJECTS");
        assertThat(scope.refusal(ado("contoso", "Payments", "api"))).contains("CODEAGENT_ADO_ORGANIZATION");
    }

    @Test
    void malformedEntriesStopTheStart() {
        assertThatThrownBy(() -> scope(null, List.of("Payments/api"), null))
                .hasMessageContaining("CODEAGENT_ALLOWED_PROJECTS");
        for (String entry : List.of("api", "/api", "Payments/", "a/b/c")) {
            assertThatThrownBy(() -> scope(null, null, List.of(entry)))
                    .hasMessageContaining("CODEAGENT_ALLOWED_REPOSITORIES").hasMessageContaining(entry);
        }
        assertThat(new ScopeProperties(" ", List.of(" ", ""), null))
                .isEqualTo(new ScopeProperties(null, List.of(), List.of()));
    }

    private static DeliveryScope scope(String organization, List<String> projects, List<String> repositories) {
        return new DeliveryScope(new ScopeProperties(organization, projects, repositories));
    }

    private static RepositoryRef ado(String organization, String project, String repository) {
        return new RepositoryRef(RepositoryRef.AZURE_DEVOPS, organization, project, repository, null);
    }
}
