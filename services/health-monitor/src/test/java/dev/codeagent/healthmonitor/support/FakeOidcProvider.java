package dev.codeagent.healthmonitor.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider shaped like Microsoft Entra ID's v2.0 endpoints, on loopback: discovery document,
 * JWKS and a token endpoint that answers an authorization code with an RS256-signed ID token carrying a
 * {@code groups} claim. The test plays the browser at the authorization endpoint: it reads the state and
 * nonce from the redirect and calls {@link #issueCode} for the user who "signed in".
 */
public final class FakeOidcProvider implements AutoCloseable {

    public static final String TENANT_PATH = "/00000000-aaaa-bbbb-cccc-000000000001/v2.0";

    private final RSAKey key;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
    private final FakeHttpServer server;

    public FakeOidcProvider(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.server = new FakeHttpServer(this::answer);
    }

    public String issuer() {
        return server.url(TENANT_PATH);
    }

    /** An authorization code for a user with the given nonce (from the authorization request) and groups. */
    public String issueCode(String nonce, String user, List<String> groups) {
        String code = "code-" + codes.size();
        Map<String, Object> claims = new HashMap<>();
        claims.put("nonce", nonce);
        claims.put("sub", "sub-" + user);
        claims.put("preferred_username", user);
        claims.put("groups", groups);
        codes.put(code, claims);
        return code;
    }

    private FakeHttpServer.Reply answer(FakeHttpServer.Received request) {
        String path = request.uri().replaceFirst("\\?.*", "");
        if (path.equals(TENANT_PATH + "/.well-known/openid-configuration")) {
            return FakeHttpServer.Reply.json(200, """
                    {"issuer":"%1$s","authorization_endpoint":"%2$s/oauth2/v2.0/authorize",
                     "token_endpoint":"%2$s/oauth2/v2.0/token","jwks_uri":"%2$s/discovery/v2.0/keys",
                     "response_types_supported":["code","id_token"],"subject_types_supported":["pairwise"],
                     "id_token_signing_alg_values_supported":["RS256"],
                     "token_endpoint_auth_methods_supported":["client_secret_post","client_secret_basic"],
                     "scopes_supported":["openid","profile","email","offline_access"]}
                    """.formatted(issuer(), server.url(TENANT_PATH.replace("/v2.0", ""))));
        }
        if (path.endsWith("/discovery/v2.0/keys")) {
            return FakeHttpServer.Reply.json(200, new JWKSet(key.toPublicJWK()).toString());
        }
        if (path.endsWith("/oauth2/v2.0/token") && request.method().equals("POST")) {
            return token(request);
        }
        return FakeHttpServer.Reply.json(404, "{\"error\":\"not_found\"}");
    }

    private FakeHttpServer.Reply token(FakeHttpServer.Received request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.body().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(request.header("Authorization"))) {
            return FakeHttpServer.Reply.json(401, "{\"error\":\"invalid_client\"}");
        }
        Map<String, Object> claims = codes.remove(form.get("code"));
        if (claims == null || !"authorization_code".equals(form.get("grant_type"))) {
            return FakeHttpServer.Reply.json(400, "{\"error\":\"invalid_grant\"}");
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder idToken = new JWTClaimsSet.Builder().issuer(issuer()).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
        claims.forEach(idToken::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    idToken.build());
            jwt.sign(new RSASSASigner(key));
            return FakeHttpServer.Reply.json(200, """
                    {"token_type":"Bearer","expires_in":3599,"scope":"openid profile email",
                     "access_token":"opaque-access-token","id_token":"%s"}""".formatted(jwt.serialize()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
