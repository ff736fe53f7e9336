package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.git.PullRequestInfo;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests reach Azure DevOps at {@code {CODEAGENT_ADO_BASE_URL}/{organization}/{project}/_apis/…} for the
 * organizations the gateway reads from each URL form of a delivery ({@code AzureDevOpsDeliveriesIT.UrlForms}): the
 * fake stands for {@code https://dev.azure.com}, which also serves organizations whose deliveries use
 * {@code {org}.visualstudio.com}, or for an Azure DevOps Server with or without a virtual directory.
 */
class AzureDevOpsUrlFormsTest {

    @RegisterExtension
    static WireMockExtension ado = AdoTestSupport.fakeAzureDevOps();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "'dev.azure.com/fabrikam-demo', '', fabrikam-demo, DemoProject, DemoProject,"
                    + " /fabrikam-demo/DemoProject/_apis/git/repositories/DemoProject/pullrequests/3",
            "'fabrikam-demo.visualstudio.com/DefaultCollection', '', fabrikam-demo, DemoProject, DemoProject,"
                    + " /fabrikam-demo/DemoProject/_apis/git/repositories/DemoProject/pullrequests/3",
            "'Microsoft''s sample (fabrikam.visualstudio.com)', '', fabrikam, Fabrikam, Fabrikam,"
                    + " /fabrikam/Fabrikam/_apis/git/repositories/Fabrikam/pullrequests/3",
            "'server with a virtual directory', /tfs, DefaultCollection, DemoProject, DemoProject,"
                    + " /tfs/DefaultCollection/DemoProject/_apis/git/repositories/DemoProject/pullrequests/3",
            "'server base URL with a trailing slash', /tfs/, DefaultCollection, DemoProject, DemoProject,"
                    + " /tfs/DefaultCollection/DemoProject/_apis/git/repositories/DemoProject/pullrequests/3",
            "'server without a virtual directory', '', DefaultCollection, DemoProject, DemoProject,"
                    + " /DefaultCollection/DemoProject/_apis/git/repositories/DemoProject/pullrequests/3",
            "'server collection with a space', /tfs, Sales Collection, Web Shop, shop,"
                    + " /tfs/Sales%20Collection/Web%20Shop/_apis/git/repositories/shop/pullrequests/3"})
    void requestsGoToTheOrganizationUnderTheBaseUrl(String form, String basePath, String organization,
            String project, String repository, String expectedPath) {
        ado.stubFor(get(urlPathEqualTo(expectedPath)).willReturn(okJson("""
                {"pullRequestId":3,"title":"Readme","status":"active","isDraft":false,
                 "sourceRefName":"refs/heads/feature/readme","targetRefName":"refs/heads/main",
                 "lastMergeSourceCommit":{"commitId":"1111111111111111111111111111111111111111"},
                 "lastMergeTargetCommit":{"commitId":"2222222222222222222222222222222222222222"},
                 "createdBy":{"id":"u1","displayName":"Alex"}}""")));
        AdoTestSupport support = new AdoTestSupport("http://localhost:" + ado.getPort() + basePath);

        PullRequestInfo pr = support.provider.pullRequest(
                new RepositoryCoordinates(organization, project, repository), 3);

        assertThat(pr.id()).as(form).isEqualTo(3);
        ado.verify(1, getRequestedFor(urlPathEqualTo(expectedPath)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://dev.azure.com/fabrikam", "https://dev.azure.com/fabrikam/",
            "https://fabrikam.visualstudio.com", "https://Fabrikam.visualstudio.com/DefaultCollection"})
    void aBaseUrlThatNamesAnOrganizationStopsTheStart(String baseUrl) {
        assertThatThrownBy(() -> properties(baseUrl).validate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CODEAGENT_ADO_BASE_URL")
                .hasMessageContaining("names the organization 'fabrikam'")
                .hasMessageContaining("set it to https://dev.azure.com");
    }

    @Test
    void theServiceRootAndServersAreValidBaseUrls() {
        for (String baseUrl : new String[] {"https://dev.azure.com", "https://dev.azure.com/",
                "https://ado.contoso.local/tfs", "http://ado.contoso.local:8080"}) {
            properties(baseUrl).validate();
        }
    }

    private static AzureDevOpsProperties properties(String baseUrl) {
        return new AzureDevOpsProperties(baseUrl, AzureDevOpsProperties.Auth.PAT, AdoTestSupport.PAT, null, null,
                null, "https://login.microsoftonline.com/", Duration.ofSeconds(2), Duration.ofSeconds(2), 1,
                Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMinutes(5));
    }
}
