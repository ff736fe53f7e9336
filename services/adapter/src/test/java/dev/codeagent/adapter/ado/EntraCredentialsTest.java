package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.codeagent.platform.web.ApiProblemException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/**
 * The Entra ID flow end to end: azure-identity's client-credentials request goes to a fake token endpoint
 * (HTTPS, as MSAL insists), and the token it returns authorises calls to a fake Azure DevOps.
 */
class EntraCredentialsTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String CLIENT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    static final String SECRET = "client-SECRET-value-xyz";

    @RegisterExtension
    static WireMockExtension entra = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();
    @RegisterExtension
    static WireMockExtension ado = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void servicePrincipalTokenFromTheTokenEndpointAuthorisesAzureDevOpsCallsAndIsCached() throws Exception {
        String authority = "https://localhost:" + entra.getHttpsPort() + "/";
        entra.stubFor(get(urlPathMatching("/" + TENANT + "/v2.0/.well-known/openid-configuration"))
                .willReturn(okJson(openIdConfiguration(authority))));
        entra.stubFor(get(urlPathMatching("/common/discovery/instance.*"))
                .willReturn(okJson("{\"tenant_discovery_endpoint\":\"" + authority + TENANT
                        + "/v2.0/.well-known/openid-configuration\",\"metadata\":[]}")));
        entra.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\"entra-access-token-1\"}")));
        ado.stubFor(get(urlPathEqualTo(AdoTestSupport.REPO_PATH + "/pullrequests/7"))
                .willReturn(okJson("{\"pullRequestId\":7,\"title\":\"t\"}")));

        AzureDevOpsProperties properties = new AzureDevOpsProperties("http://localhost:" + ado.getPort(),
                AzureDevOpsProperties.Auth.ENTRA, null, TENANT, CLIENT, SECRET, authority, Duration.ofSeconds(2),
                Duration.ofSeconds(10), 2, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMinutes(5));
        TokenCredential credential = EntraTokenCredentials.create(properties, insecureHttpClient());
        EntraCredentials credentials = new EntraCredentials(credential, properties.tokenRefreshSkew(),
                Clock.systemUTC());
        AdoTestSupport support = new AdoTestSupport("http://localhost:" + ado.getPort(), 2, Duration.ofSeconds(5),
                Duration.ofSeconds(10), credentials);

        support.provider.pullRequest(AdoTestSupport.repo(), 7);
        support.provider.pullRequest(AdoTestSupport.repo(), 7);

        entra.verify(1, postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + CLIENT))
                .withRequestBody(containing("client_secret=" + SECRET))
                .withRequestBody(containing("499b84ac-1321-427f-aa17-267ca6975798%2F.default")));
        ado.verify(2, getRequestedFor(urlPathEqualTo(AdoTestSupport.REPO_PATH + "/pullrequests/7"))
                .withHeader("Authorization", equalTo("Bearer entra-access-token-1")));
    }

    @Test
    void tokenIsRenewedShortlyBeforeItExpires() {
        AtomicInteger fetches = new AtomicInteger();
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
        TokenCredential fake = request -> {
            assertThat(request.getScopes()).containsExactly("499b84ac-1321-427f-aa17-267ca6975798/.default");
            int n = fetches.incrementAndGet();
            return Mono.just(new AccessToken("token-" + n, OffsetDateTime.ofInstant(now.get(), ZoneOffset.UTC)
                    .plusHours(1)));
        };
        Clock clock = AdoTestSupport.clock(now);
        EntraCredentials credentials = new EntraCredentials(fake, Duration.ofMinutes(5), clock);

        assertThat(credentials.authorizationHeader()).isEqualTo("Bearer token-1");
        now.set(now.get().plus(Duration.ofMinutes(54)));
        assertThat(credentials.authorizationHeader()).isEqualTo("Bearer token-1");
        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertThat(credentials.authorizationHeader()).isEqualTo("Bearer token-2");
        credentials.invalidate();
        assertThat(credentials.authorizationHeader()).isEqualTo("Bearer token-3");
    }

    @Test
    void refusedTokenRequestIsAPermissionProblemWithoutTheSecret() {
        String authority = "https://localhost:" + entra.getHttpsPort() + "/";
        String tenant = "99999999-2222-3333-4444-555555555555";
        entra.stubFor(get(urlPathMatching("/" + tenant + "/v2.0/.well-known/openid-configuration"))
                .willReturn(okJson(openIdConfiguration(authority).replace(TENANT, tenant))));
        entra.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid "
                                + "client secret provided.\"}")));
        AzureDevOpsProperties properties = new AzureDevOpsProperties("http://localhost:1",
                AzureDevOpsProperties.Auth.ENTRA, null, tenant, CLIENT, SECRET, authority, Duration.ofSeconds(2),
                Duration.ofSeconds(10), 1, Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMinutes(5));
        EntraCredentials credentials = new EntraCredentials(EntraTokenCredentials.create(properties,
                insecureHttpClient()), Duration.ofMinutes(5), Clock.systemUTC());

        assertThatThrownBy(credentials::authorizationHeader).isInstanceOfSatisfying(ApiProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(403);
            assertThat(e.getMessage()).doesNotContain(SECRET);
        });
    }

    static String openIdConfiguration(String authority) {
        String base = authority + TENANT;
        return "{\"token_endpoint\":\"" + base + "/oauth2/v2.0/token\",\"issuer\":\"" + base + "/v2.0\","
                + "\"authorization_endpoint\":\"" + base + "/oauth2/v2.0/authorize\",\"jwks_uri\":\"" + base
                + "/discovery/v2.0/keys\",\"token_endpoint_auth_methods_supported\":[\"client_secret_post\"],"
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"pairwise\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    /** An azure-core HTTP client that trusts WireMock's self-signed certificate (tests only). */
    static com.azure.core.http.HttpClient insecureHttpClient() {
        try {
            SslContext ssl = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
            reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create()
                    .secure(spec -> spec.sslContext(ssl));
            return new NettyAsyncHttpClientBuilder(netty).build();
        } catch (javax.net.ssl.SSLException e) {
            throw new IllegalStateException(e);
        }
    }
}
