package dev.codeagent.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codeagent.gateway.auth.WebhookAuthenticator.Result;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class WebhookAuthenticatorTest {

    private static final String HEADER = "X-CodeAgent-Secret";

    @Test
    void secretOnly() {
        WebhookAuthenticator auth = authenticator(null, null, "s3cret-s3cret-s3cret");
        assertThat(auth.check(null, "s3cret-s3cret-s3cret")).isEqualTo(Result.OK);
        assertThat(auth.check(null, null)).isEqualTo(Result.MISSING);
        assertThat(auth.check(null, "s3cret-s3cret-s3creT")).isEqualTo(Result.INVALID);
        assertThat(auth.check(null, "s3cret")).isEqualTo(Result.INVALID);
        assertThat(auth.challenge()).contains("header=\"X-CodeAgent-Secret\"");
    }

    @Test
    void basicOnly() {
        WebhookAuthenticator auth = authenticator("ado", "pa:ss", null);
        assertThat(auth.check(basic("ado", "pa:ss"), null)).isEqualTo(Result.OK);
        assertThat(auth.check("basic " + encode("ado:pa:ss"), null)).isEqualTo(Result.OK);
        assertThat(auth.check(basic("ado", "wrong"), null)).isEqualTo(Result.INVALID);
        assertThat(auth.check("Basic !!!not-base64", null)).isEqualTo(Result.INVALID);
        assertThat(auth.check("Bearer abc", null)).isEqualTo(Result.MISSING);
        assertThat(auth.check(null, "anything")).isEqualTo(Result.MISSING);
        assertThat(auth.challenge()).startsWith("Basic realm=");
    }

    @Test
    void bothConfiguredMeansBothRequired() {
        WebhookAuthenticator auth = authenticator("ado", "pass", "secret-secret-secret");
        assertThat(auth.check(basic("ado", "pass"), "secret-secret-secret")).isEqualTo(Result.OK);
        assertThat(auth.check(basic("ado", "pass"), null)).isEqualTo(Result.MISSING);
        assertThat(auth.check(null, "secret-secret-secret")).isEqualTo(Result.MISSING);
        assertThat(auth.check(basic("ado", "pass"), "wrong")).isEqualTo(Result.INVALID);
    }

    @Test
    void nothingConfiguredRefusesEverything() {
        WebhookAuthenticator auth = authenticator(null, null, null);
        assertThat(auth.check(basic("a", "b"), "x")).isEqualTo(Result.NOT_CONFIGURED);
    }

    @Test
    void noneAcceptsEverything() {
        WebhookAuthenticator auth = new WebhookAuthenticator(new WebhookProperties(WebhookProperties.Mode.NONE,
                null, null, HEADER, null, DataSize.ofMegabytes(2), Duration.ofHours(1)));
        assertThat(auth.check(null, null)).isEqualTo(Result.OK);
    }

    @Test
    void halfABasicConfigurationIsAStartupError() {
        assertThatThrownBy(() -> new WebhookProperties(WebhookProperties.Mode.REQUIRED, "user", null, HEADER, null,
                DataSize.ofMegabytes(2), Duration.ofHours(1))).hasMessageContaining("CODEAGENT_WEBHOOK_PASSWORD");
    }

    private static WebhookAuthenticator authenticator(String user, String password, String secret) {
        return new WebhookAuthenticator(new WebhookProperties(WebhookProperties.Mode.REQUIRED, user, password, HEADER,
                secret, DataSize.ofMegabytes(2), Duration.ofHours(1)));
    }

    private static String basic(String user, String password) {
        return "Basic " + encode(user + ":" + password);
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
