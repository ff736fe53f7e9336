package dev.codeagent.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.platform.testing.ServiceSmokeChecks;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "codeagent.platform.internal-token=smoke-test-token-0123456789")
class GatewaySmokeIT {

    @LocalServerPort
    int port;

    @Test
    void answersActuatorEndpointsAndEchoesCorrelationId() throws Exception {
        ServiceSmokeChecks checks = new ServiceSmokeChecks(port);
        checks.assertActuatorEndpoints();
        checks.assertCorrelationIdEchoed();
        checks.assertInternalPathProtected("/api/internal-probe");
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
