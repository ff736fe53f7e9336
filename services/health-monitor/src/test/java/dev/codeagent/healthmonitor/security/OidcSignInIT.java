package dev.codeagent.healthmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.healthmonitor.support.FakeOidcProvider;
import dev.codeagent.healthmonitor.support.FakeOrchestrator;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code CODEAGENT_DASHBOARD_AUTH=oidc} against a loopback provider in the shape of Microsoft Entra ID: a page
 * view goes to the provider, scripts get a 401 problem, a member of the allowed group sees the dashboard and
 * anyone else gets 403 after signing in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInIT {

    static final String TOKEN = "oidc-it-token-0123456789";
    static final String GROUP = "5f3c1a2b-0000-4000-8000-00000000cafe";
    static final FakeOidcProvider ENTRA = new FakeOidcProvider("dashboard-app", "app-secret");
    static final FakeOrchestrator ORCHESTRATOR = new FakeOrchestrator(TOKEN);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ORCHESTRATOR.register(registry, TOKEN);
        registry.add("codeagent.dashboard.auth", () -> "oidc");
        registry.add("codeagent.dashboard.oidc.issuer", ENTRA::issuer);
        registry.add("codeagent.dashboard.oidc.client-id", () -> "dashboard-app");
        registry.add("codeagent.dashboard.oidc.client-secret", () -> "app-secret");
        registry.add("codeagent.dashboard.oidc.allowed-group", () -> GROUP);
    }

    @AfterAll
    static void stopFakes() {
        ENTRA.close();
        ORCHESTRATOR.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aPageViewIsSentToTheProviderAndScriptsGetAProblem() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> page = get(browser, "/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/entra"));

        HttpResponse<String> api = get(browser, "/api/jobs");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(get(browser, "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get(browser, "/health").statusCode()).isIn(200, 503);
    }

    @Test
    void aMemberOfTheAllowedGroupSeesTheDashboard() throws Exception {
        HttpClient browser = browser();
        assertThat(signIn(browser, "ada@example.com", List.of("other-group", GROUP))).isEqualTo(302);

        HttpResponse<String> page = get(browser, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/assets/app.js");
        assertThat(get(browser, "/api/jobs").statusCode()).isEqualTo(200);
        assertThat(get(browser, "/jobs/job-1").statusCode()).isEqualTo(200);
    }

    @Test
    void someoneOutsideTheGroupIsForbidden() throws Exception {
        HttpClient browser = browser();
        assertThat(signIn(browser, "mallory@example.com", List.of("other-group"))).isEqualTo(302);

        HttpResponse<String> page = get(browser, "/");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("not a member of the group");
        assertThat(get(browser, "/api/jobs").statusCode()).isEqualTo(403);
    }

    @Test
    void aForgedCallbackWithoutTheSessionsStateSignsNobodyIn() throws Exception {
        HttpClient browser = browser();
        get(browser, "/oauth2/authorization/entra");
        String code = ENTRA.issueCode("any-nonce", "eve@example.com", List.of(GROUP));

        get(browser, "/login/oauth2/code/entra?code=" + code + "&state=forged");

        assertThat(get(browser, "/api/jobs").statusCode()).isEqualTo(401);
    }

    /** Plays the browser through the authorization code flow; returns the status of the callback. */
    private int signIn(HttpClient browser, String user, List<String> groups) throws Exception {
        HttpResponse<String> start = get(browser, "/oauth2/authorization/entra");
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(ENTRA.issuer().replace("/v2.0", "") + "/oauth2/v2.0/authorize");
        Map<String, String> query = query(authorize);
        assertThat(query).containsEntry("client_id", "dashboard-app").containsEntry("response_type", "code")
                .containsEntry("redirect_uri", "http://127.0.0.1:" + port + "/login/oauth2/code/entra");
        assertThat(query.get("scope")).contains("openid");

        String code = ENTRA.issueCode(query.get("nonce"), user, groups);
        HttpResponse<String> callback = get(browser, "/login/oauth2/code/entra?code=" + code + "&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        return callback.statusCode();
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return params;
    }
}
