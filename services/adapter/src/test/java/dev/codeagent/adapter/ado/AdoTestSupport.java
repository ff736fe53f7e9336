package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.codeagent.adapter.AdapterProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** Builds the Azure DevOps provider against a WireMock base URL, with a sleeper that records waits. */
final class AdoTestSupport {

    static final String PAT = "pat-SECRET-0123456789abcdefghijklmnop";
    static final String BASIC = "Basic " + java.util.Base64.getEncoder().encodeToString((":" + PAT).getBytes());
    static final String REPO_PATH = "/contoso/Web%20Shop/_apis/git/repositories/shop";

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final AzureDevOpsProperties properties;
    final AzureDevOpsClient client;
    final AzureDevOpsProvider provider;

    AdoTestSupport(String baseUrl) {
        // Generous answer timeout: a loaded CI machine must not turn a slow fake into a retried call.
        this(baseUrl, 4, Duration.ofSeconds(30), Duration.ofSeconds(30), null);
    }

    AdoTestSupport(String baseUrl, int maxAttempts, Duration maxRetryWait, Duration readTimeout,
            AzureDevOpsCredentials credentials) {
        this(baseUrl, null, maxAttempts, maxRetryWait, readTimeout, credentials);
    }

    /** {@code identityBaseUrl}: {@code CODEAGENT_ADO_IDENTITY_BASE_URL}, or null for the default. */
    AdoTestSupport(String baseUrl, String identityBaseUrl, int maxAttempts, Duration maxRetryWait,
            Duration readTimeout, AzureDevOpsCredentials credentials) {
        properties = new AzureDevOpsProperties(baseUrl, credentials == null ? AzureDevOpsProperties.Auth.PAT
                : AzureDevOpsProperties.Auth.ENTRA, credentials == null ? PAT : null, null, null, null,
                "https://login.microsoftonline.com/", Duration.ofSeconds(2), readTimeout, maxAttempts, maxRetryWait,
                Duration.ofMillis(250), Duration.ofMinutes(5));
        client = new AzureDevOpsClient(properties, credentials == null ? new PatCredentials(PAT) : credentials,
                JsonMapper.builder().build(), waits::add, Clock.systemUTC());
        provider = new AzureDevOpsProvider(properties, new AzureDevOpsIdentityProperties(identityBaseUrl), client,
                adapter());
    }

    /** A fake Azure DevOps on loopback whose pull request list cuts descriptions as the real one does. */
    static WireMockExtension fakeAzureDevOps() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
                .extensions(new PullRequestListTruncation())).build();
    }

    static AdapterProperties adapter() {
        return new AdapterProperties("http://adapter.test", DataSize.ofKilobytes(64), 1000, "Code Agent",
                "codeagent@localhost", 4, DataSize.ofKilobytes(64));
    }

    /** A clock that reads {@code now}, which the test moves. */
    static Clock clock(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    static dev.codeagent.adapter.provider.RepositoryCoordinates repo() {
        return new dev.codeagent.adapter.provider.RepositoryCoordinates("contoso", "Web Shop", "shop");
    }
}
