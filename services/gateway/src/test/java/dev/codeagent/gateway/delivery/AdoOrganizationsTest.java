package dev.codeagent.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdoOrganizationsTest {

    @Test
    void baseUrlsOfTheThreeForms() {
        assertThat(AdoOrganizations.ofBaseUrl("https://dev.azure.com/fabrikam/")).isEqualTo("fabrikam");
        assertThat(AdoOrganizations.ofBaseUrl("https://dev.azure.com/Fabrikam")).isEqualTo("fabrikam");
        assertThat(AdoOrganizations.ofBaseUrl("https://fabrikam.visualstudio.com/")).isEqualTo("fabrikam");
        assertThat(AdoOrganizations.ofBaseUrl("https://Fabrikam.VisualStudio.com/DefaultCollection/"))
                .isEqualTo("fabrikam");
        assertThat(AdoOrganizations.ofBaseUrl("https://ado.contoso.local/tfs/DefaultCollection/"))
                .isEqualTo("DefaultCollection");
        assertThat(AdoOrganizations.ofBaseUrl("http://ado.contoso.local:8080/DefaultCollection"))
                .isEqualTo("DefaultCollection");
    }

    @Test
    void resourceUrlsAreCutAtApisAndLoseTheirProjectId() {
        assertThat(AdoOrganizations.ofResourceUrl("https://dev.azure.com/fabrikam/_apis/git/repositories/r/"
                + "pullRequests/3")).isEqualTo("fabrikam");
        assertThat(AdoOrganizations.ofResourceUrl("https://dev.azure.com/fabrikam/0fb7eda7-55bc-424b-80fc-"
                + "5e48a4165513/_apis/git/repositories/r")).isEqualTo("fabrikam");
        assertThat(AdoOrganizations.ofResourceUrl("https://fabrikam.visualstudio.com/DefaultCollection/_apis/git/"
                + "repositories/r/pullRequests/1")).isEqualTo("fabrikam");
        assertThat(AdoOrganizations.ofResourceUrl("https://ado.contoso.local/tfs/DefaultCollection/0FB7EDA7-55BC-"
                + "424B-80FC-5E48A4165513/_apis/git/repositories/r")).isEqualTo("DefaultCollection");
        assertThat(AdoOrganizations.ofResourceUrl("https://ado.contoso.local/tfs/DefaultCollection/_apis/git/"
                + "repositories/r/pullRequests/1/threads/5/comments/2")).isEqualTo("DefaultCollection");
    }

    @Test
    void urlsThatNameNoOrganizationGiveNone() {
        assertThat(AdoOrganizations.ofBaseUrl(null)).isNull();
        assertThat(AdoOrganizations.ofBaseUrl(" ")).isNull();
        assertThat(AdoOrganizations.ofBaseUrl("not a url")).isNull();
        assertThat(AdoOrganizations.ofBaseUrl("ftp://dev.azure.com/fabrikam/")).isNull();
        assertThat(AdoOrganizations.ofBaseUrl("https://dev.azure.com/")).isNull();
        assertThat(AdoOrganizations.ofBaseUrl("https://example.com/")).isNull();
        assertThat(AdoOrganizations.ofBaseUrl("https://dev.azure.com/" + "x".repeat(129) + "/")).isNull();
        assertThat(AdoOrganizations.ofResourceUrl("https://dev.azure.com/fabrikam/Project/_git/repo")).isNull();
        assertThat(AdoOrganizations.ofResourceUrl("https://ado.contoso.local/_apis/git/repositories/r")).isNull();
    }
}
