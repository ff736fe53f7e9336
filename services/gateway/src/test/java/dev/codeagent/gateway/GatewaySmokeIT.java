package dev.codeagent.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.platform.testing.ServiceSmokeTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The platform's smoke checks against the started gateway, plus its refusal of webhooks while unconfigured. */
class GatewaySmokeIT extends ServiceSmokeTestSupport {

    GatewaySmokeIT() {
        super("/api/internal-probe");
    }

    @Test
    void refusesDeliveriesWhenNoWebhookCredentialsAreConfigured() {
        HttpResponse<String> response = new GatewayClient(port).post("/webhook/ado",
                new String(Fixtures.bytes(Fixtures.EDIT_COMMAND)), "X-CodeAgent-Secret", "anything");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(response.body()).contains("no webhook credentials configured");
    }
}
