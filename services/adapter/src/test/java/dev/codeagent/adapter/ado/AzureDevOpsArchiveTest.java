package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.codeagent.adapter.provider.TreeArchive;
import dev.codeagent.platform.web.ApiProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tree archive through Items - List with {@code $format=zip}, as Azure DevOps REST 7.1 documents it. */
class AzureDevOpsArchiveTest {

    static final String ITEMS = AdoTestSupport.REPO_PATH + "/items";
    static final String COMMIT = "a".repeat(40);
    static final byte[] ZIP = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};

    @RegisterExtension
    static WireMockExtension ado = AdoTestSupport.fakeAzureDevOps();

    AdoTestSupport support;

    @BeforeEach
    void setUp() {
        support = new AdoTestSupport("http://localhost:" + ado.getPort());
    }

    @Test
    void streamsTheZipOfTheCommitWithUnixModes() throws IOException {
        ado.stubFor(zipRequest().willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/zip")
                .withBody(ZIP)));

        assertThat(download(1024)).isEqualTo(ZIP);
        ado.verify(getRequestedFor(urlPathEqualTo(ITEMS))
                .withQueryParam("versionDescriptor.versionType", equalTo("commit"))
                .withQueryParam("zipForUnix", equalTo("true"))
                .withQueryParam("recursionLevel", equalTo("full"))
                .withQueryParam("scopePath", equalTo("/"))
                .withQueryParam("api-version", equalTo("7.1"))
                .withHeader("Authorization", equalTo(AdoTestSupport.BASIC)));
    }

    @Test
    void waitsOutRetryAfterOn429() throws IOException {
        ado.stubFor(zipRequest().inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("ok"));
        ado.stubFor(zipRequest().inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(ZIP)));

        assertThat(download(1024)).isEqualTo(ZIP);
        assertThat(support.waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void anAnnouncedSizeBeyondTheLimitIs413() {
        ado.stubFor(zipRequest().willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", String.valueOf(ZIP.length)).withBody(ZIP)));

        assertThatThrownBy(() -> download(4)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status().value()).isEqualTo(413));
    }

    @Test
    void anUnannouncedDownloadIsCutAtTheLimit() {
        ado.stubFor(zipRequest().willReturn(aResponse().withStatus(200).withBody(ZIP)));

        assertThatThrownBy(() -> download(4)).isInstanceOf(IOException.class).hasMessageContaining("cut");
    }

    @Test
    void aMissingCommitIsNotFound() {
        ado.stubFor(zipRequest().willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"TF401175: The version descriptor could not be resolved\"}")));

        assertThatThrownBy(() -> download(1024)).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status().value()).isEqualTo(404));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder zipRequest() {
        return get(urlPathEqualTo(ITEMS)).withQueryParam("$format", equalTo("zip"))
                .withQueryParam("versionDescriptor.version", equalTo(COMMIT));
    }

    private byte[] download(long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TreeArchive archive = support.provider.archive(AdoTestSupport.repo(), COMMIT, limit)) {
            archive.writeTo(out);
        }
        return out.toByteArray();
    }
}
